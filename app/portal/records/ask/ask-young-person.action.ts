'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { askToSeeRecord } from '@/lib/citizen-access/ask-to-see-record';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { attempt } from '@/app/_components/refusals';

/** A parent asks the young person (12 or over) to let them see the record; the id is a field of the form. */
export async function askYoungPersonAction(formData: FormData): Promise<void> {
  const citizen = await requireCitizen();
  const linkId = formData.get('linkId');
  if (!isRecordId(linkId)) redirect('/portal/records');
  await attempt(async () => askToSeeRecord({ db: await getDb(), citizen, linkId, clientAddress: clientAddress(await headers()) }));
  redirect('/portal/records');
}
