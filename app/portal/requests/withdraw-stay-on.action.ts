'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { withdrawStayOn } from '@/lib/corrections/withdraw-stay-on';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { attempt } from '@/app/_components/refusals';

export async function withdrawStayOnAction(formData: FormData): Promise<void> {
  const citizen = await requireCitizen();
  const stayOnRequestId = String(formData.get('stayOnRequestId') ?? '');
  if (!isRecordId(stayOnRequestId)) redirect('/portal/requests');
  const withdrawn = await attempt(async () => withdrawStayOn({ db: await getDb(), citizen, stayOnRequestId, clientAddress: clientAddress(await headers()) }));
  redirect(withdrawn.refused ? '/portal/requests' : '/portal/requests?withdrawn=1');
}
