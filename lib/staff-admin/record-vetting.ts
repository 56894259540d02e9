import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffUsers } from '@/db/schema';
import { addCalendarMonths, todayInLondon } from '@/lib/kernel/dates';
import type { TVetting } from '@/lib/validation/staff-user';
import { type Administrator, managedUser } from './manages';
import { recordStaffAdminEvent } from './record-staff-admin-event';
import { refuseStaffAdmin } from './refuse-staff-admin';

/** An enhanced police check is renewed every three years: it lasts no longer than that from the day it was issued. */
export const POLICE_CHECK_LASTS_MONTHS = 36;

export type RecordVettingOptions = {
  db: Database;
  admin: Administrator;
  staffUserId: string;
  vetting: TVetting;
  clientAddress?: string | null;
  now?: Date;
};

const IN_THE_FUTURE = {
  trainingCompletedOn: 'The date training was completed cannot be in the future',
  userAgreementSignedOn: 'The date the user agreement was signed cannot be in the future',
  policeCheckIssuedOn: 'The date the police check was issued cannot be in the future',
} as const satisfies Record<keyof TVetting, string>;

/**
 * Records training, user agreement and police-check dates for someone else: nobody records their own clearance. Each
 * date is one that has happened; the police check's expiry follows from its issue date. Access follows from them at
 * the next request. Refusals are audited and change nothing.
 */
export async function recordVetting({ db, admin, staffUserId, vetting, clientAddress = null, now = new Date() }: RecordVettingOptions) {
  const action = 'staff_admin.vetting_recorded';
  const query = { staffUserId, vetting };
  const user = await managedUser({ db, admin, staffUserId, action, clientAddress });
  if (user.id === admin.id) {
    return refuseStaffAdmin({ db, admin, action, query, code: 'forbidden', clientAddress, message: 'Nobody records their own clearance: another access manager must record your own vetting' });
  }
  const today = todayInLondon(now);
  const future = (Object.keys(IN_THE_FUTURE) as (keyof TVetting)[]).find((field) => (vetting[field] ?? '') > today);
  if (future) return refuseStaffAdmin({ db, admin, action, query, code: 'invalid', message: IN_THE_FUTURE[future], clientAddress });

  const recorded = {
    trainingCompletedOn: vetting.trainingCompletedOn,
    userAgreementSignedOn: vetting.userAgreementSignedOn,
    policeCheckIssuedOn: vetting.policeCheckIssuedOn,
    policeCheckExpiresOn: vetting.policeCheckIssuedOn && addCalendarMonths(vetting.policeCheckIssuedOn, POLICE_CHECK_LASTS_MONTHS),
  };
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set(recorded).where(eq(staffUsers.id, user.id));
    const before = {
      trainingCompletedOn: user.trainingCompletedOn,
      userAgreementSignedOn: user.userAgreementSignedOn,
      policeCheckIssuedOn: user.policeCheckIssuedOn,
      policeCheckExpiresOn: user.policeCheckExpiresOn,
    };
    await recordStaffAdminEvent({ db: tx, admin, action, query: { staffUserId, before, after: recorded }, clientAddress });
  });
}
