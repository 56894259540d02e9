'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { liftShield } from '@/lib/records/lift-shield';
import { isRecordId, parseEventId, recordPath } from '@/lib/records/record-path';
import { shieldChild } from '@/lib/records/shield-child';
import { ZShieldChange } from '@/lib/validation/shield-change';
import { ZShieldChild } from '@/lib/validation/shield-child';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export type ShieldFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string>; shieldSiblings?: string[] };

const DONE = { shield: 'shielded', lift: 'shield-lifted' } as const;

export async function shieldChangeAction(childId: string, change: string, _previous: ShieldFormState, formData: FormData): Promise<ShieldFormState> {
  const caseworker = await requireStaff('caseworker');
  if (!isRecordId(childId) || (change !== 'shield' && change !== 'lift')) notFound();
  const values = { reason: String(formData.get('reason') ?? ''), expectedVersion: String(formData.get('expectedVersion') ?? '') };
  const siblings = { siblingsAsked: formData.getAll('siblingsAsked').map(String), shieldSiblings: formData.getAll('shieldSiblings').map(String) };
  const parsed = change === 'shield' ? ZShieldChild.safeParse({ ...values, ...siblings }) : ZShieldChange.safeParse(values);
  const kept = { values, shieldSiblings: siblings.shieldSiblings };
  if (!parsed.success) {
    // The version and the children asked about are hidden fields: their problems are the page's, not ones the
    // caseworker can fix in a field.
    const { reason, ...pageErrors } = fieldErrors(parsed.error);
    return { errors: { reason }, message: Object.values(pageErrors).find(Boolean), ...kept };
  }
  const options = { db: await getDb(), caseworker, childId, clientAddress: clientAddress(await headers()) };
  const changed = await attempt(() => (change === 'lift' ? liftShield({ ...options, change: parsed.data }) : shieldChild({ ...options, change: { ...siblings, ...parsed.data } })));
  if (changed.refused) return { message: changed.message, ...kept };
  const purpose = parseEventId(String(formData.get('purpose') ?? ''));
  redirect(purpose ? recordPath(childId, purpose, { done: DONE[change] }) : `/staff/children/${childId}`);
}
