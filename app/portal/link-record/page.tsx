import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { StatementForm } from './statement-form';

export const metadata: Metadata = { title: 'Link a record to your account' };

export default async function LinkRecordPage() {
  await requireCitizen();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/portal/records">
          Your records
        </Link>
        <h1 className="govuk-heading-l">Tell us whose record you want to see</h1>
        <p className="govuk-body">
          Give the details as they would be on the record. If they match a record, we will send a code: by post to the
          address on the record, or for a parent, to your email address if the record has it. You then enter the code
          here. This is how we make sure nobody sees a record just by knowing a few facts about a child.
        </p>
        <StatementForm />
      </div>
    </div>
  );
}
