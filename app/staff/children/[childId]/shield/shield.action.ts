'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { liftShield } from '@/lib/records/lift-shield';
import { isRecordId, parseEventId, recordPath } from '@/lib/records/record-path';
import { shieldChild } from '@/lib/records/shield-child';
import { ZShieldChange } from '@/lib/validation/shield-change';
import { type FieldErrors, fieldErrors } from '@/lib/validation/staff-sign-in';

export type ShieldFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

const CHANGES = { shield: { run: shieldChild, done: 'shielded' }, lift: { run: liftShield, done: 'shield-lifted' } } as const;

export async function shieldChangeAction(childId: string, change: string, _previous: ShieldFormState, formData: FormData): Promise<ShieldFormState> {
  const caseworker = await requireStaff('caseworker');
  if (!isRecordId(childId) || (change !== 'shield' && change !== 'lift')) notFound();
  const values = { reason: String(formData.get('reason') ?? ''), expectedVersion: String(formData.get('expectedVersion') ?? '') };
  const parsed = ZShieldChange.safeParse(values);
  if (!parsed.success) {
    // The version is a hidden field: its problem is the page's, not one the caseworker can fix in a field.
    const { expectedVersion, ...errors } = fieldErrors(parsed.error);
    return { errors, message: expectedVersion, values };
  }
  try {
    await CHANGES[change].run({ db: await getDb(), caseworker, childId, change: parsed.data, clientAddress: clientAddress(await headers()) });
  } catch (error) {
    if (error instanceof AppError) return { message: error.userMessage, values };
    throw error;
  }
  const purpose = parseEventId(String(formData.get('purpose') ?? ''));
  redirect(purpose ? recordPath(childId, purpose, { done: CHANGES[change].done }) : `/staff/children/${childId}`);
}
