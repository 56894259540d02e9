'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { recordIndication } from '@/lib/involvements/record-indication';
import { isRecordId, recordPath } from '@/lib/records/record-path';
import { foldDateParts } from '@/lib/validation/date-parts';
import { ZIndication } from '@/lib/validation/involvement';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { requireOwnPurpose } from '../own-purpose';
import { attempt } from '@/app/_components/refusals';

export type IndicationFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function recordIndicationAction(childId: string, _previous: IndicationFormState, formData: FormData): Promise<IndicationFormState> {
  const practitioner = await requireStaff('practitioner');
  if (!isRecordId(childId)) redirect('/staff/search');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const purpose = await requireOwnPurpose(practitioner, childId, values.purpose);
  const parsed = ZIndication.safeParse(foldDateParts(values, 'recordedOn'));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const recorded = await attempt(async () => recordIndication({ db: await getDb(), practitioner, childId, indication: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (recorded.refused) return { message: recorded.message, values };
  redirect(recordPath(childId, purpose, { done: 'indication' }));
}
