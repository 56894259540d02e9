import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { formatDate } from '@/lib/kernel/dates';
import { type CodeOnItsWay, findCodeOnItsWay } from '@/lib/identity/find-code-on-its-way';
import { CodeForm } from './code-form';

export const metadata: Metadata = { title: 'Enter your code' };

/** How the code is coming, from whose record the citizen said it was: never from whether anything matched. */
function HowTheCodeComes({ onItsWay }: { onItsWay: CodeOnItsWay | null }) {
  if (onItsWay?.relationship === 'self') {
    return (
      <>
        <p className="govuk-body">If the details you gave match a record, we are sending you a code by post, in a letter to the address on the record.</p>
        <p className="govuk-body">
          The letter should arrive by <strong>{formatDate(onItsWay.letterArrivesBy)}</strong>. Its code works for 28 days.
        </p>
      </>
    );
  }
  if (onItsWay?.relationship === 'parent') {
    return (
      <>
        <p className="govuk-body">If the details you gave match a record:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            and the record has your email address, we are sending the code <strong>by email</strong> to that address. It should
            arrive within a few minutes, and works for 15 minutes
          </li>
          <li>
            if the record has no email address for you, we are sending it <strong>by post</strong>, in a letter to the address on
            the record. It should arrive by <strong>{formatDate(onItsWay.letterArrivesBy)}</strong>, and works for 28 days
          </li>
        </ul>
      </>
    );
  }
  return (
    <>
      <p className="govuk-body">If the details you gave match a record, we send a code:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>by post, to the address on the record: a letter takes about 4 working days to arrive, and its code works for 28 days</li>
        <li>or, for a parent or carer whose email address is on the record, by email: that code works for 15 minutes</li>
      </ul>
    </>
  );
}

// The same page whatever the details matched, so that it tells nobody whether a record exists.
export default async function EnterCodePage() {
  const citizen = await requireCitizen();
  const onItsWay = await findCodeOnItsWay({ db: await getDb(), citizenId: citizen.id });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Enter your code</h1>
        <HowTheCodeComes onItsWay={onItsWay} />
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
