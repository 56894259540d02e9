'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { AppError } from '@/lib/kernel/errors';
import { clientAddress } from '@/lib/http/client-address';
import { lookUpArchivedRecord } from '@/lib/retention/look-up-archived-record';
import { ZArchiveLookup } from '@/lib/validation/archive-lookup';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';

export type ArchiveLookupState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function lookUpArchivedAction(_previous: ArchiveLookupState, formData: FormData): Promise<ArchiveLookupState> {
  const caseworker = await requireStaff('caseworker');
  const values = Object.fromEntries(['indexNumber', 'reason', 'reasonDetail'].map((name) => [name, String(formData.get(name) ?? '')]));
  const parsed = ZArchiveLookup.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  let found: { childId: string; viewEventId: number };
  try {
    found = await lookUpArchivedRecord({ db: await getDb(), caseworker, lookup: parsed.data, clientAddress: clientAddress(await headers()) });
  } catch (error) {
    if (error instanceof AppError) return { message: error.userMessage, values };
    throw error;
  }
  // Only ids in the address: the child's random id and the audited lookup the page cites.
  redirect(`/staff/casework/archive/${found.childId}?view=${found.viewEventId}`);
}
