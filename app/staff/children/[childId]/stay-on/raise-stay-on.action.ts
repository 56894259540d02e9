'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { raiseStayOn } from '@/lib/casework/raise-stay-on';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZStayOnRaise } from '@/lib/validation/stay-on-casework';
import { attempt } from '@/app/_components/refusals';

export type RaiseStayOnState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function raiseStayOnAction(childId: string, _previous: RaiseStayOnState, formData: FormData): Promise<RaiseStayOnState> {
  const caseworker = await requireStaff('caseworker');
  if (!isRecordId(childId)) notFound();
  const values = { basis: String(formData.get('basis') ?? ''), consentStatement: String(formData.get('consentStatement') ?? '') };
  const parsed = ZStayOnRaise.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const raised = await attempt(async () => raiseStayOn({ db: await getDb(), caseworker, childId, request: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (raised.refused) return { message: raised.message, values };
  redirect(`/staff/casework/stay-on/${raised.value}`);
}
