'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { reviewAlert } from '@/lib/alerts/review-alert';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { ZAlertReview } from '@/lib/validation/alert-review';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export type ReviewFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function reviewAlertAction(alertId: string, _previous: ReviewFormState, formData: FormData): Promise<ReviewFormState> {
  const caseworker = await requireStaff('caseworker');
  if (!isRecordId(alertId)) notFound();
  const values = { outcome: String(formData.get('outcome') ?? ''), note: String(formData.get('note') ?? '') };
  const parsed = ZAlertReview.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const reviewed = await attempt(async () => reviewAlert({ db: await getDb(), caseworker, alertId, review: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (reviewed.refused) return { message: reviewed.message, values };
  redirect('/staff/casework/alerts?done=reviewed');
}
