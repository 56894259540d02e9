import { headers } from 'next/headers';
import { getDb } from '@/db';
import type { SignedInStaff } from '@/lib/auth/require-staff';
import { type EditableRecord, loadEditableRecord } from '@/lib/casework/load-editable-record';
import { clientAddress } from '@/lib/http/client-address';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { attempt } from '@/app/_components/refusals';

/** The record as the edit pages show it, or why this caseworker may not change it (a record not on the index: 404). */
export async function editableRecordOrRefusal(caseworker: SignedInStaff, childId: string): Promise<EditableRecord | { refusal: string }> {
  const loaded = await attempt(async () => loadEditableRecord({ db: await getDb(), caseworker, childId, clientAddress: clientAddress(await headers()) }));
  if (loaded.refused && loaded.error.code === 'not_found') return refuseAsNotFound('No record of their council with this id');
  return loaded.refused ? { refusal: loaded.message } : loaded.value;
}
