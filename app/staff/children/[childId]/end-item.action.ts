'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type Database, getDb } from '@/db';
import { requireStaff, type SignedInStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { endIndication } from '@/lib/involvements/end-indication';
import { endInvolvement } from '@/lib/involvements/end-involvement';
import { isRecordId, parseEventId, recordPath } from '@/lib/records/record-path';
import { attempt } from '@/app/_components/refusals';

type Common = { db: Database; practitioner: SignedInStaff; clientAddress: string | null };

/** Ends the item named in the form, then goes back to the record with a notice of what happened. */
async function endItem(practitioner: SignedInStaff, formData: FormData, idField: string, end: (itemId: string, common: Common) => Promise<string>, done: string) {
  const itemId = String(formData.get(idField) ?? '');
  const childId = String(formData.get('childId') ?? '');
  const purpose = parseEventId(String(formData.get('purpose') ?? ''));
  if (!isRecordId(itemId) || !isRecordId(childId) || purpose === null) redirect('/staff/search');
  const ended = await attempt(async () => end(itemId, { db: await getDb(), practitioner, clientAddress: clientAddress(await headers()) }));
  redirect(recordPath(childId, purpose, { done: ended.refused ? 'not-ended' : done }));
}

export async function endInvolvementAction(formData: FormData): Promise<void> {
  const practitioner = await requireStaff('practitioner');
  await endItem(practitioner, formData, 'involvementId', (involvementId, common) => endInvolvement({ ...common, involvementId }), 'involvement-ended');
}

export async function endIndicationAction(formData: FormData): Promise<void> {
  const practitioner = await requireStaff('practitioner');
  await endItem(practitioner, formData, 'indicationId', (indicationId, common) => endIndication({ ...common, indicationId }), 'indication-ended');
}
