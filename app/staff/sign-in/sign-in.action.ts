'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { signIn } from '@/lib/auth/next-auth';
import { staffReturnPath } from '@/lib/auth/return-path';
import { signInStaff } from '@/lib/auth/sign-in-staff';
import { startTokenEnrolment } from '@/lib/auth/token-enrolment';
import { clientAddress } from '@/lib/http/client-address';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZStaffSignIn } from '@/lib/validation/staff-sign-in';
import { ENROLMENT_COOKIE, enrolmentCookieOptions } from '../enrol-token/enrolment-cookie';

export type SignInFormState = { errors?: FieldErrors; message?: string; problems?: string[]; username?: string };

export async function signInAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const parsed = ZStaffSignIn.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), username: String(formData.get('username') ?? '') };
  const db = await getDb();
  const result = await signInStaff({ db, credentials: parsed.data, clientAddress: clientAddress(await headers()) });
  switch (result.outcome) {
    case 'signed_in':
      await signIn('staff-session', { sessionId: result.sessionId, redirectTo: staffReturnPath(formData.get('next')) ?? '/staff' });
      return {};
    case 'enrol_token': {
      const enrolmentId = await startTokenEnrolment({ db, staffUserId: result.staffUserId });
      (await cookies()).set(ENROLMENT_COOKIE, enrolmentId, enrolmentCookieOptions());
      redirect('/staff/enrol-token');
    }
    case 'not_vetted':
      return { problems: result.problems.map((p) => p.message), username: parsed.data.username };
    default:
      return { message: result.message, username: parsed.data.username };
  }
}
