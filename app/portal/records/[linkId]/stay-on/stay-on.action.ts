'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { requestStayOn } from '@/lib/corrections/request-stay-on';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZStayOnRequest } from '@/lib/validation/stay-on';
import { attempt } from '@/app/_components/refusals';

export type StayOnState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function stayOnAction(linkId: string, _previous: StayOnState, formData: FormData): Promise<StayOnState> {
  const citizen = await requireCitizen();
  if (!isRecordId(linkId)) redirect('/portal/records');
  const values = { basis: String(formData.get('basis') ?? ''), consent: String(formData.get('consent') ?? '') };
  const parsed = ZStayOnRequest.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const requested = await attempt(async () => requestStayOn({ db: await getDb(), citizen, linkId, request: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (requested.refused) return { message: requested.message, values };
  redirect(`/portal/requests/sent?reference=${requested.value}`);
}
