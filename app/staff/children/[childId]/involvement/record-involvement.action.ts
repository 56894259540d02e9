'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { listServicesFor } from '@/lib/involvements/list-services-for';
import { recordInvolvement } from '@/lib/involvements/record-involvement';
import { isRecordId, recordPath } from '@/lib/records/record-path';
import { foldDateParts } from '@/lib/validation/date-parts';
import { involvementSchema } from '@/lib/validation/involvement';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { requireOwnPurpose } from '../own-purpose';
import { attempt } from '@/app/_components/refusals';

export type InvolvementFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function recordInvolvementAction(childId: string, _previous: InvolvementFormState, formData: FormData): Promise<InvolvementFormState> {
  const practitioner = await requireStaff('practitioner');
  if (!isRecordId(childId)) redirect('/staff/search');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const purpose = await requireOwnPurpose(practitioner, childId, values.purpose);
  const db = await getDb();
  const sensitive = (await listServicesFor({ db, practitioner })).filter((s) => s.isSensitive).map((s) => s.code);
  const parsed = involvementSchema(sensitive).safeParse(foldDateParts(values, 'startedOn'));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const recorded = await attempt(async () => recordInvolvement({ db, practitioner, childId, involvement: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (recorded.refused) return { message: recorded.message, values };
  redirect(recordPath(childId, purpose, { done: 'involvement' }));
}
