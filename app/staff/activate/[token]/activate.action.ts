'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { activateStaffAccount, WeakSecretError } from '@/lib/staff-admin/activate-staff-account';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZActivation } from '@/lib/validation/staff-user';
import { attempt } from '@/app/_components/refusals';

export type ActivateFormState = { errors?: FieldErrors; message?: string };

// The only way in without a session: the one-time token is the credential, checked by the domain function.
export async function activateAction(_previous: ActivateFormState, formData: FormData): Promise<ActivateFormState> {
  const token = z.string().regex(/^[\w-]{20,100}$/).safeParse(formData.get('token'));
  if (!token.success) return { message: 'This link is not valid. Ask your access manager for a new one.' };
  const parsed = ZActivation.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const activated = await attempt(async () => activateStaffAccount({ db: await getDb(), token: token.data, password: parsed.data.password, pin: parsed.data.pin }));
  if (activated.refused && activated.error instanceof WeakSecretError) return { errors: { [activated.error.field]: activated.message } };
  if (activated.refused) return { message: activated.message };
  redirect('/staff/sign-in?ended=activated');
}
