import type { Metadata } from 'next';
import Link from 'next/link';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema';
import { requireStaff } from '@/lib/auth/require-staff';
import { signOutAction, signOutEverywhereAction } from './sign-out.action';

export const metadata: Metadata = { title: 'Your account' };

const ROLE_NAMES = { practitioner: 'Practitioner', caseworker: 'Caseworker (index team)', administrator: 'Access manager' };

export default async function StaffHome() {
  const staff = await requireStaff();
  const [organisation] = await (await getDb()).select({ name: organisations.name }).from(organisations).where(eq(organisations.id, staff.organisationId));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Signed in as {staff.displayName}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">
              {ROLE_NAMES[staff.role]}
              {staff.isNationalAdministrator ? ' (national)' : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Organisation</dt>
            <dd className="govuk-summary-list__value">{organisation?.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Police check valid until</dt>
            <dd className="govuk-summary-list__value">{staff.policeCheckExpiresOn}</dd>
          </div>
        </dl>
        {staff.role !== 'administrator' ? (
          <p className="govuk-body">
            <Link className="govuk-link" href="/staff/search">
              Find a child
            </Link>
          </p>
        ) : null}
        {staff.role === 'caseworker' ? (
          <p className="govuk-body">
            <Link className="govuk-link" href="/staff/casework">
              Correction requests
            </Link>
          </p>
        ) : null}
        {staff.role === 'caseworker' ? (
          <p className="govuk-body">
            <Link className="govuk-link" href="/staff/casework/alerts">
              Alerts to review
            </Link>
          </p>
        ) : null}
        {staff.role === 'administrator' ? (
          <p className="govuk-body">
            <Link className="govuk-link" href="/staff/admin">
              Manage staff accounts
            </Link>
          </p>
        ) : null}
        <form action={signOutAction}>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Sign out
          </button>
        </form>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Sign out on every device
          </button>
        </form>
      </div>
    </div>
  );
}
