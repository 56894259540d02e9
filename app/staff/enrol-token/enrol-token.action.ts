'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { signIn } from '@/lib/auth/next-auth';
import { completeTokenEnrolment } from '@/lib/auth/token-enrolment';
import { clientAddress } from '@/lib/http/client-address';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZTokenCode } from '@/lib/validation/staff-sign-in';
import { ENROLMENT_COOKIE } from './enrolment-cookie';

export type EnrolTokenFormState = { errors?: FieldErrors };

export async function enrolTokenAction(_previous: EnrolTokenFormState, formData: FormData): Promise<EnrolTokenFormState> {
  const cookieStore = await cookies();
  const enrolmentId = cookieStore.get(ENROLMENT_COOKIE)?.value;
  if (!enrolmentId) redirect('/staff/sign-in');
  const parsed = ZTokenCode.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await completeTokenEnrolment({
    db: await getDb(),
    enrolmentId,
    code: parsed.data.code,
    clientAddress: clientAddress(await headers()),
  });
  if (result.outcome === 'wrong_code') {
    return { errors: { code: 'That code does not match: check the app shows Children’s Index and enter its current code' } };
  }
  cookieStore.delete({ name: ENROLMENT_COOKIE, path: '/staff' });
  if (result.outcome === 'expired') redirect('/staff/sign-in?ended=unknown');
  await signIn('staff-session', { sessionId: result.sessionId, redirectTo: '/staff' });
  return {};
}
