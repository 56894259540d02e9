import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { CodeForm } from './code-form';

export const metadata: Metadata = { title: 'Enter your code' };

// The same page whatever the details matched, so that it tells nobody whether a record exists.
export default async function EnterCodePage() {
  await requireCitizen();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Enter your code</h1>
        <p className="govuk-body">If these details match a record, we will send a code:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>by post, to the address on the record: a letter takes a few days to arrive, and its code works for 28 days</li>
          <li>or, for a parent or carer whose email address is on the record, by email: that code works for 15 minutes</li>
        </ul>
        <p className="govuk-body">
          A code works once. If it is typed wrongly 3 times it stops working. You can close this page and come back to it
          from your records.
        </p>
        <CodeForm />
        <p className="govuk-body">
          If nothing arrives, check the details and{' '}
          <Link className="govuk-link" href="/portal/link-record">
            try again
          </Link>
          , or contact your local authority and ask for the Children’s Index team.
        </p>
      </div>
    </div>
  );
}
