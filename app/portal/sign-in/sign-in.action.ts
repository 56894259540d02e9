'use server';

import { citizenSignIn } from '@/lib/auth/citizen-auth';
import { ZCitizenSignIn } from '@/lib/validation/citizen-sign-in';
import { type FieldErrors, fieldErrors } from '@/lib/validation/staff-sign-in';

export type CitizenSignInState = { errors?: FieldErrors; values?: Record<string, string> };

/** Public by design: anyone may ask for a link; only the owner of the inbox can use it. */
export async function citizenSignInAction(_previous: CitizenSignInState, formData: FormData): Promise<CitizenSignInState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = ZCitizenSignIn.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  // Sends the link and redirects to "check your email".
  await citizenSignIn('nodemailer', { email: parsed.data.email, redirectTo: '/portal/records' });
  return {};
}
