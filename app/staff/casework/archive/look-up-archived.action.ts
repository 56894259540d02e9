'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { lookUpArchivedRecord } from '@/lib/retention/look-up-archived-record';
import { ZArchiveLookup } from '@/lib/validation/archive-lookup';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export type ArchiveLookupState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function lookUpArchivedAction(_previous: ArchiveLookupState, formData: FormData): Promise<ArchiveLookupState> {
  const caseworker = await requireStaff('caseworker');
  const values = Object.fromEntries(['indexNumber', 'reason', 'reasonDetail'].map((name) => [name, String(formData.get(name) ?? '')]));
  const parsed = ZArchiveLookup.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const found = await attempt(async () => lookUpArchivedRecord({ db: await getDb(), caseworker, lookup: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (found.refused) return { message: found.message, values };
  // Only ids in the address: the child's random id and the audited lookup the page cites.
  redirect(`/staff/casework/archive/${found.value.childId}?view=${found.value.viewEventId}`);
}
