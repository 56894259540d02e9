'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { raiseCorrection } from '@/lib/corrections/raise-correction';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { ZCorrectionRequest } from '@/lib/validation/correction-request';
import { type FieldErrors, fieldErrors } from '@/lib/validation/staff-sign-in';

export type RaiseCorrectionState = { errors?: FieldErrors; message?: string };

export async function raiseCorrectionAction(linkId: string, _previous: RaiseCorrectionState, formData: FormData): Promise<RaiseCorrectionState> {
  const citizen = await requireCitizen();
  if (!isRecordId(linkId)) redirect('/portal/records');
  // The same schema the browser checked with: a request that skipped the browser is checked again here.
  const parsed = ZCorrectionRequest.safeParse(Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  let reference: string;
  try {
    ({ reference } = await raiseCorrection({ db: await getDb(), citizen, linkId, request: parsed.data, clientAddress: clientAddress(await headers()) }));
  } catch (error) {
    if (error instanceof AppError) return { message: error.userMessage };
    throw error;
  }
  redirect(`/portal/requests/sent?reference=${reference}`);
}
