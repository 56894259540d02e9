'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { editRecord } from '@/lib/casework/edit-record';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { parseRecordEditForm } from '@/lib/validation/casework-command';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { parseItemSlug } from '../item-slug';
import { attempt } from '@/app/_components/refusals';

export type EditItemFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function editItemAction(childId: string, slug: string, _previous: EditItemFormState, formData: FormData): Promise<EditItemFormState> {
  const caseworker = await requireStaff('caseworker');
  const item = parseItemSlug(slug);
  if (!isRecordId(childId) || !item) notFound();
  const values = Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)]));
  const parsed = parseRecordEditForm(item.key, values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const edited = await attempt(async () => editRecord({ db: await getDb(), caseworker, childId, itemId: item.itemId, ...parsed.data, clientAddress: clientAddress(await headers()) }));
  if (edited.refused) return { message: edited.message, values };
  redirect(`/staff/children/${childId}/edit?done=changed`);
}
