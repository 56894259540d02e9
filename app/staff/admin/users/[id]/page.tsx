import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { isLockedOut } from '@/lib/auth/sign-in-limits';
import { headers } from 'next/headers';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { findWaitingPrivileges } from '@/lib/staff-admin/find-waiting-privileges';
import { managedUser } from '@/lib/staff-admin/manages';
import { recordStaffAdminEvent } from '@/lib/staff-admin/record-staff-admin-event';
import { POLICE_CHECK_LASTS_MONTHS } from '@/lib/staff-admin/record-vetting';
import { choiceOf } from '@/lib/validation/query-choice';
import { NotificationBanner } from '../../../../_components/notification-banner';
import { ApprovePrivilegesForm, StatusForm, VettingForm } from './account-forms';
import { whenRefused } from '@/app/_components/refusals';
import { SummaryRow } from '@/app/_components/record/summary-row';

export const metadata: Metadata = { title: 'Staff account' };

const DONE = { created: 'Account created. We have sent an activation link to their work email address: the account works once they have activated it and their vetting is recorded.' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffAccountPage({ params, searchParams }: Props) {
  const admin = await requireStaff('administrator');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const address = clientAddress(await headers());
  const user = await managedUser({ db, admin, staffUserId: id.data, action: 'staff_admin.user_viewed', clientAddress: address }).catch(whenRefused(() => notFound(), 'not_found'));
  await recordStaffAdminEvent({ db, admin, action: 'staff_admin.user_viewed', query: { staffUserId: user.id }, clientAddress: address });
  const waiting = await findWaitingPrivileges({ db, staffUserId: user.id });
  const waitingFor = waiting ? [waiting.hasChildProtectionRole ? 'a child-protection role' : null, waiting.sensitiveService ? `the sensitive service ${waiting.sensitiveService}` : null].filter(Boolean).join(' and ') : '';
  const done = choiceOf(DONE, (await searchParams).done);
  const rows: [string, string][] = [
    ['User name', user.username],
    ['Role', user.role],
    ['Status', isLockedOut(user) ? 'locked' : user.status.replace('_', ' ')],
    ['Security token', user.totpEnrolledAt ? 'set up' : 'not set up yet'],
    ['Child-protection role', user.hasChildProtectionRole ? 'yes' : 'no'],
    ['Police check expires on', user.policeCheckExpiresOn ? formatDate(user.policeCheckExpiresOn) : 'not recorded'],
    ['Last used the index', user.lastActiveAt ? formatDate(user.lastActiveAt) : 'never'],
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? <NotificationBanner success text={done} /> : null}
        <h1 className="govuk-heading-l">{user.displayName}</h1>
        <dl className="govuk-summary-list">
          {rows.map(([key, value]) => (
            <SummaryRow key={key} label={key}>{value}</SummaryRow>
          ))}
        </dl>
        {waiting ? (
          <>
            <h2 className="govuk-heading-m">Waiting for a second access manager</h2>
            <p className="govuk-body">
              {waiting.requestedBy} asked for {waitingFor} on {formatDate(waiting.requestedAt)}. It takes effect only when another access manager
              approves it.
            </p>
            {waiting.requestedByStaffId === admin.id || user.id === admin.id ? (
              <p className="govuk-body">You cannot approve this yourself.</p>
            ) : (
              <ApprovePrivilegesForm staffUserId={user.id} what={waitingFor} />
            )}
          </>
        ) : null}
        <h2 className="govuk-heading-m">Vetting</h2>
        {user.id === admin.id ? (
          <p className="govuk-body">Another access manager records your own vetting.</p>
        ) : (
          <VettingForm staffUserId={user.id} vetting={user} policeCheckLastsYears={POLICE_CHECK_LASTS_MONTHS / 12} />
        )}
        <h2 className="govuk-heading-m">Account</h2>
        <StatusForm staffUserId={user.id} />
      </div>
    </div>
  );
}
