'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { setParentAccess } from '@/lib/citizen-access/parent-access';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { attempt } from '@/app/_components/refusals';

export async function parentAccessAction(formData: FormData): Promise<void> {
  const citizen = await requireCitizen();
  const linkId = String(formData.get('linkId') ?? '');
  const carerId = String(formData.get('carerId') ?? '');
  const agree = formData.get('agree') === 'yes';
  if (!isRecordId(linkId) || !isRecordId(carerId)) redirect('/portal/records');
  await attempt(async () => setParentAccess({ db: await getDb(), citizen, linkId, carerId, agree, clientAddress: clientAddress(await headers()) }));
  redirect(`/portal/records/${linkId}/parent-access`);
}
