'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId, recordPath } from '@/lib/records/record-path';
import { recordViewingPurpose } from '@/lib/records/record-viewing-purpose';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZViewingPurpose } from '@/lib/validation/viewing-purpose';

export type PurposeFormState = { errors?: FieldErrors; values?: Record<string, string> };

export async function purposeAction(childId: string, _previous: PurposeFormState, formData: FormData): Promise<PurposeFormState> {
  const staff = await requireStaff('practitioner', 'caseworker');
  if (!isRecordId(childId)) redirect('/staff/search');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = ZViewingPurpose.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const eventId = await recordViewingPurpose({ db: await getDb(), viewer: staff, childId, purpose: parsed.data, clientAddress: clientAddress(await headers()) });
  redirect(recordPath(childId, eventId));
}
