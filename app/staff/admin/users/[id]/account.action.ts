'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { approveStaffPrivileges } from '@/lib/staff-admin/approve-staff-privileges';
import { changeAccountStatus } from '@/lib/staff-admin/change-account-status';
import { recordVetting } from '@/lib/staff-admin/record-vetting';
import { foldDateParts } from '@/lib/validation/date-parts';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZAccountStatusChange, ZVetting } from '@/lib/validation/staff-user';
import { attempt } from '@/app/_components/refusals';

export type AccountFormState = { errors?: FieldErrors; message?: string; done?: string; values?: Record<string, string> };

const ZTarget = z.object({ staffUserId: z.uuid() });
/** Each date is asked for with GOV.UK's date input: three fields, folded into one for the schema. */
const VETTING_DATES = ['trainingCompletedOn', 'userAgreementSignedOn', 'policeCheckIssuedOn'] as const;
// A date sent whole (a form drawn before the date input came) is read as it is, not taken for a blank.
const VETTING_PARTS: string[] = VETTING_DATES.flatMap((name) => [name, `${name}Day`, `${name}Month`, `${name}Year`]);

async function run(staffUserId: string, work: () => Promise<void>, done: string): Promise<AccountFormState> {
  const worked = await attempt(work);
  if (worked.refused) return { message: worked.message };
  revalidatePath(`/staff/admin/users/${staffUserId}`);
  return { done };
}

export async function recordVettingAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const admin = await requireStaff('administrator');
  const target = ZTarget.safeParse(Object.fromEntries(formData));
  const values = Object.fromEntries([...formData.entries()].filter(([name]) => VETTING_PARTS.includes(name)).map(([k, v]) => [k, String(v)]));
  const parsed = ZVetting.safeParse(VETTING_DATES.reduce((fields, name) => foldDateParts(fields, name), { trainingCompletedOn: '', userAgreementSignedOn: '', policeCheckIssuedOn: '', ...values } as Record<string, unknown>));
  if (!target.success) return { message: 'That user could not be found' };
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const db = await getDb();
  const address = clientAddress(await headers());
  return run(target.data.staffUserId, () => recordVetting({ db, admin, staffUserId: target.data.staffUserId, vetting: parsed.data, clientAddress: address }), 'Vetting dates saved');
}

export async function approvePrivilegesAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const admin = await requireStaff('administrator');
  const target = ZTarget.safeParse(Object.fromEntries(formData));
  if (!target.success) return { message: 'That user could not be found' };
  const db = await getDb();
  const address = clientAddress(await headers());
  return run(target.data.staffUserId, () => approveStaffPrivileges({ db, admin, staffUserId: target.data.staffUserId, clientAddress: address }), 'Approved: the account now has it');
}

const DONE = { suspend: 'Account suspended: every session has ended', reinstate: 'Account reinstated', reset_token: 'Security token reset: they will set up a new one at their next sign-in' };

export async function changeStatusAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const admin = await requireStaff('administrator');
  const target = ZTarget.safeParse(Object.fromEntries(formData));
  if (!target.success) return { message: 'That user could not be found' };
  const parsed = ZAccountStatusChange.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const db = await getDb();
  const address = clientAddress(await headers());
  return run(
    target.data.staffUserId,
    () => changeAccountStatus({ db, admin, staffUserId: target.data.staffUserId, change: parsed.data.change, reason: parsed.data.reason, clientAddress: address }),
    DONE[parsed.data.change],
  );
}
