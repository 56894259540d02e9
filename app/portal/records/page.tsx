import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { listParentAccess } from '@/lib/citizen-access/parent-access';
import { listCitizenRecords } from '@/lib/portal/list-citizen-records';
import { NotShown } from '../not-shown';
import { citizenSignOutAction } from '../sign-out.action';
import { AskYoungPerson } from './ask/ask-young-person';

export const metadata: Metadata = { title: 'Your records' };

export default async function CitizenRecordsPage() {
  const citizen = await requireCitizen();
  const db = await getDb();
  const records = await listCitizenRecords({ db, citizen });
  // A young person is told here, on the page they land on, that a parent asked to see their record.
  const own = records.find((entry) => entry.relationship === 'self' && entry.access.allowed);
  const asking = own ? (await listParentAccess({ db, citizen, linkId: own.linkId })).filter((parent) => parent.askedAt && !parent.agreed) : [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {own && asking.length > 0 ? (
          <div className="govuk-notification-banner" role="region" aria-labelledby="asked-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="asked-title">
                Important
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {asking.map((parent) => `${parent.givenNames} ${parent.familyName}`).join(' and ')} asked to see your record.{' '}
                <Link className="govuk-notification-banner__link" href={`/portal/records/${own.linkId}/parent-access`}>
                  Choose who can see it
                </Link>
              </p>
            </div>
          </div>
        ) : null}
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
                    {entry.access.reason === 'needs_agreement' ? <AskYoungPerson linkId={entry.linkId} givenName={entry.givenName} askedAt={entry.askedAt} /> : null}
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
