'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { withdrawStayOn } from '@/lib/corrections/withdraw-stay-on';
import { AppError } from '@/lib/kernel/errors';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';

export async function withdrawStayOnAction(formData: FormData): Promise<void> {
  const citizen = await requireCitizen();
  const stayOnRequestId = String(formData.get('stayOnRequestId') ?? '');
  if (!isRecordId(stayOnRequestId)) redirect('/portal/requests');
  try {
    await withdrawStayOn({ db: await getDb(), citizen, stayOnRequestId, clientAddress: clientAddress(await headers()) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    redirect('/portal/requests');
  }
  redirect('/portal/requests?withdrawn=1');
}
