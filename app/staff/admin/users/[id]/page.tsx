import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { AppError } from '@/lib/errors';
import { managedUser } from '@/lib/staff-admin/manages';
import { StatusForm, VettingForm } from './account-forms';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Staff account' };

export default async function StaffAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireStaff('administrator');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const user = await managedUser({ db: await getDb(), admin, staffUserId: id.data }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return refuseAsNotFound('No staff account they manage with this id');
    throw error;
  });
  const rows: [string, string][] = [
    ['User name', user.username],
    ['Role', user.role],
    ['Status', user.lockedUntil && user.lockedUntil > new Date() ? 'locked' : user.status.replace('_', ' ')],
    ['Security token', user.totpEnrolledAt ? 'set up' : 'not set up yet'],
    ['Last used the index', user.lastActiveAt ? user.lastActiveAt.toISOString().slice(0, 10) : 'never'],
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{user.displayName}</h1>
        <dl className="govuk-summary-list">
          {rows.map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        <h2 className="govuk-heading-m">Vetting</h2>
        <VettingForm staffUserId={user.id} vetting={user} />
        <h2 className="govuk-heading-m">Account</h2>
        <StatusForm staffUserId={user.id} />
      </div>
    </div>
  );
}
