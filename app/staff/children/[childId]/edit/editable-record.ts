import { headers } from 'next/headers';
import { getDb } from '@/db';
import type { SignedInStaff } from '@/lib/auth/require-staff';
import { type EditableRecord, loadEditableRecord } from '@/lib/casework/load-editable-record';
import { AppError } from '@/lib/kernel/errors';
import { clientAddress } from '@/lib/http/client-address';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

/** The record as the edit pages show it, or why this caseworker may not change it (a record not on the index: 404). */
export async function editableRecordOrRefusal(caseworker: SignedInStaff, childId: string): Promise<EditableRecord | { refusal: string }> {
  try {
    return await loadEditableRecord({ db: await getDb(), caseworker, childId, clientAddress: clientAddress(await headers()) });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return refuseAsNotFound('No record of their council with this id');
    if (error instanceof AppError) return { refusal: error.userMessage };
    throw error;
  }
}
