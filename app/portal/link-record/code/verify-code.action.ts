'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { clientAddress } from '@/lib/http/client-address';
import { verifyActivationCode } from '@/lib/identity/verify-activation-code';
import { ZActivationCode } from '@/lib/validation/activation-code';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';

export type CodeState = { errors?: FieldErrors; values?: Record<string, string> };

export async function verifyCodeAction(_previous: CodeState, formData: FormData): Promise<CodeState> {
  const citizen = await requireCitizen();
  const values = { code: String(formData.get('code') ?? '') };
  const parsed = ZActivationCode.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await verifyActivationCode({ db: await getDb(), citizen, typed: parsed.data.code, clientAddress: clientAddress(await headers()) });
  if (result.outcome === 'wrong') {
    const tries = result.triesLeft === 1 ? '1 more try' : `${result.triesLeft} more tries`;
    const message = result.triesLeft > 0 ? `That code is not right. You have ${tries}.` : 'That code is not right, and it cannot be used again. Start again to get a new code.';
    return { errors: { code: message }, values };
  }
  if (result.outcome === 'no_code') return { errors: { code: 'There is no code waiting for you: it may have expired or been used. Start again to get a new one.' }, values };
  redirect(`/portal/link-record/linked/${result.linkId}`);
}
