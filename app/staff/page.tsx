import type { Metadata } from 'next';
import Link from 'next/link';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema';
import { requireStaff, type StaffRole } from '@/lib/auth/require-staff';
import { roleName } from '@/lib/auth/role-names';
import { formatDate } from '@/lib/kernel/dates';
import { signOutEverywhereAction } from './sign-out.action';
import { SummaryRow } from '@/app/_components/record/summary-row';

export const metadata: Metadata = { title: 'Your account' };

/** Where each role's work starts. */
const PLACES: { href: string; label: string; roles: StaffRole[] }[] = [
  { href: '/staff/search', label: 'Find a child', roles: ['practitioner', 'caseworker'] },
  { href: '/staff/casework', label: 'Correction requests', roles: ['caseworker'] },
  { href: '/staff/casework/stay-on', label: 'Requests to stay on until 25', roles: ['caseworker'] },
  { href: '/staff/casework/alerts', label: 'Alerts to review', roles: ['caseworker'] },
  { href: '/staff/casework/archive', label: 'Archive', roles: ['caseworker'] },
  { href: '/staff/admin', label: 'Manage staff accounts', roles: ['administrator'] },
  { href: '/staff/admin/organisations', label: 'Organisations and the services they provide', roles: ['administrator'] },
  { href: '/staff/audit', label: 'Audit trail: who looked at what', roles: ['administrator', 'caseworker'] },
];

export default async function StaffHome() {
  const staff = await requireStaff();
  const [organisation] = await (await getDb()).select({ name: organisations.name }).from(organisations).where(eq(organisations.id, staff.organisationId));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Signed in as {staff.displayName}</h1>
        <dl className="govuk-summary-list">
          <SummaryRow label="Role">{roleName(staff)}</SummaryRow>
          <SummaryRow label="Organisation">{organisation?.name}</SummaryRow>
          <SummaryRow label="Police check valid until">{staff.policeCheckExpiresOn ? formatDate(staff.policeCheckExpiresOn) : 'Not recorded'}</SummaryRow>
        </dl>
        {PLACES.filter((place) => place.roles.includes(staff.role)).map((place) => (
          <p className="govuk-body" key={place.href}>
            <Link className="govuk-link" href={place.href}>
              {place.label}
            </Link>
          </p>
        ))}
        <form action={signOutEverywhereAction}>
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Sign out on every device
          </button>
        </form>
      </div>
    </div>
  );
}
