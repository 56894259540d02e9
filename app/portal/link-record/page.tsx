import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { StatementForm } from './statement-form';

export const metadata: Metadata = { title: 'Link a record to your account' };

/** Each page of the statement brings its own heading: the question it asks. */
export default async function LinkRecordPage() {
  await requireCitizen();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/portal/records">
          Your records
        </Link>
        <StatementForm />
      </div>
    </div>
  );
}
