'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { replyToCorrection } from '@/lib/corrections/reply-to-correction';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { ZCorrectionReply } from '@/lib/validation/correction-request';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export type ReplyState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

/** The request's id is a field of the form: an action bound in the browser never finishes without JavaScript. */
export async function replyAction(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  const citizen = await requireCitizen();
  const requestId = formData.get('requestId');
  if (!isRecordId(requestId)) redirect('/portal/requests');
  const values = { message: String(formData.get('message') ?? '') };
  const parsed = ZCorrectionReply.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const replied = await attempt(async () => replyToCorrection({ db: await getDb(), citizen, requestId, reply: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (replied.refused) return { message: replied.message, values };
  redirect('/portal/requests?replied=1');
}
