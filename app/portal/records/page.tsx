import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { listCitizenRecords } from '@/lib/portal/list-citizen-records';
import { NotShown } from '../not-shown';
import { citizenSignOutAction } from '../sign-out.action';

export const metadata: Metadata = { title: 'Your records' };

export default async function CitizenRecordsPage() {
  const citizen = await requireCitizen();
  const records = await listCitizenRecords({ db: await getDb(), citizen });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your records</h1>
        <p className="govuk-body">Signed in as {citizen.email}.</p>
        {records.length === 0 ? <p className="govuk-body">You have not linked a record to your account yet.</p> : null}
        {records.length > 0 ? (
          <ul className="govuk-list govuk-list--spaced">
            {records.map((entry) => (
              <li key={entry.linkId}>
                {entry.access.allowed ? (
                  <Link className="govuk-link" href={`/portal/records/${entry.linkId}`}>
                    {entry.relationship === 'self' ? 'Your record' : `${entry.givenName}’s record`}
                  </Link>
                ) : (
                  <>
                    <span className="govuk-!-font-weight-bold">{entry.relationship === 'self' ? 'Your record' : `${entry.givenName}’s record`}</span>
                    <span className="govuk-hint govuk-!-margin-bottom-0">
                      <NotShown reason={entry.access.reason} givenName={entry.givenName} />
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" href="/portal/link-record">
              Link {records.length === 0 ? 'a' : 'another'} record to your account
            </Link>
          </li>
          <li>
            <Link className="govuk-link" href="/portal/link-record/code">
              Enter a code we sent you
            </Link>
          </li>
          <li>
            <Link className="govuk-link" href="/portal/requests">
              Your requests
            </Link>
          </li>
        </ul>
        <form action={citizenSignOutAction}>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
