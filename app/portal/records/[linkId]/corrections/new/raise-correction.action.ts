'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { raiseCorrection } from '@/lib/corrections/raise-correction';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { type TCorrectionRequest, ZCorrectionItem, ZCorrectionRequest } from '@/lib/validation/correction-request';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

/** The request's words travel in the form's body from step to step, never in the address. */
export type RaiseCorrectionState = {
  errors?: FieldErrors;
  message?: string;
  values?: Record<string, string>;
  /** Which question to show: what is wrong, or what it should be. */
  stage?: 'item' | 'value';
  checked?: TCorrectionRequest;
};

const FIELDS = ['item', 'requestedValue', 'line1', 'line2', 'town', 'postcode', 'explanation'] as const;

/**
 * Every step of asking for a correction, so that they work without JavaScript: "What is wrong?" (step `choose`, or
 * no step) checks the item and asks what it should be; "Continue" (step `check`) checks the answers and shows them
 * back; "Change" returns to a question with them; "Send request" (step `send`) checks them again with the same
 * schema and raises the request. The record's link id is a field of the form, not bound to the action in the
 * browser: a bound action posted without JavaScript never finishes.
 */
export async function raiseCorrectionAction(_previous: RaiseCorrectionState, formData: FormData): Promise<RaiseCorrectionState> {
  const citizen = await requireCitizen();
  const linkId = formData.get('linkId');
  if (!isRecordId(linkId)) redirect('/portal/records');
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? '')]));
  const step = formData.get('step');
  if (step === 'change_item') return { values, stage: 'item' };
  if (step === 'change') return { values, stage: 'value' };
  if (step !== 'check' && step !== 'send') {
    const item = ZCorrectionItem.safeParse(values);
    return item.success ? { values, stage: 'value' } : { errors: fieldErrors(item.error), values, stage: 'item' };
  }
  const parsed = ZCorrectionRequest.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, stage: 'value' };
  if (step !== 'send') return { checked: parsed.data };
  const raised = await attempt(async () => raiseCorrection({ db: await getDb(), citizen, linkId, request: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (raised.refused) return { message: raised.message, checked: parsed.data };
  redirect(`/portal/requests/sent?reference=${raised.value.reference}`);
}
