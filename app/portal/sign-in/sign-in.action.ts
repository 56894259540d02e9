'use server';

import { redirect } from 'next/navigation';
import { citizenSignIn } from '@/lib/auth/citizen-auth';
import { ZCitizenSignIn } from '@/lib/validation/citizen-sign-in';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { rememberSentTo } from '../check-your-email/sent-to-cookie';

export type CitizenSignInState = { errors?: FieldErrors; values?: Record<string, string> };

/** Public by design: anyone may ask for a link; only the owner of the inbox can use it. */
export async function citizenSignInAction(_previous: CitizenSignInState, formData: FormData): Promise<CitizenSignInState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = ZCitizenSignIn.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  // Sends the link; the service's own "Check your email" follows, not next-auth's page under /api.
  const next = new URL(await citizenSignIn('nodemailer', { email: parsed.data.email, redirectTo: '/portal/records', redirect: false }), 'http://app.invalid');
  // Anything but "link sent" (next-auth's page for it is /api/…/verify-request) goes where next-auth sends it.
  if (!next.pathname.endsWith('/verify-request')) redirect(`${next.pathname}${next.search}`);
  await rememberSentTo(parsed.data.email);
  redirect('/portal/check-your-email');
}
