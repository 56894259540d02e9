'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { decideMatchReview } from '@/lib/loads/decide-match-review';
import { isRecordId } from '@/lib/records/record-path';
import { ZMatchReviewDecision } from '@/lib/validation/match-review-decision';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export type DecideMatchFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function decideMatchAction(reviewId: string, loadId: string, _previous: DecideMatchFormState, formData: FormData): Promise<DecideMatchFormState> {
  const caseworker = await requireStaff('caseworker');
  if (!isRecordId(reviewId) || !isRecordId(loadId)) notFound();
  const values = { outcome: String(formData.get('outcome') ?? ''), reason: String(formData.get('reason') ?? '') };
  const parsed = ZMatchReviewDecision.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const decided = await attempt(async () => decideMatchReview({ db: await getDb(), caseworker, reviewId, decision: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (decided.refused) return { message: decided.message, values };
  redirect(`/staff/casework/loads/${loadId}`);
}
