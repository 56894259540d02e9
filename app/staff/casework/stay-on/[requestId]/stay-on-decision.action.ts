'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { decideStayOn } from '@/lib/casework/decide-stay-on';
import { endStayOn } from '@/lib/casework/end-stay-on';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZStayOnReason } from '@/lib/validation/stay-on-casework';
import { attempt } from '@/app/_components/refusals';

export type StayOnDecisionState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };
export type StayOnDecisionKind = 'approve' | 'refuse' | 'end';

const DONE = { approve: 'approved', refuse: 'refused', end: 'ended' } as const;

export async function stayOnDecisionAction(stayOnRequestId: string, kind: StayOnDecisionKind, _previous: StayOnDecisionState, formData: FormData): Promise<StayOnDecisionState> {
  const caseworker = await requireStaff('caseworker');
  if (!isRecordId(stayOnRequestId) || !(kind in DONE)) notFound();
  const values = { reason: String(formData.get('reason') ?? '') };
  const parsed = kind === 'approve' ? null : ZStayOnReason.safeParse(values);
  if (parsed && !parsed.success) return { errors: fieldErrors(parsed.error), values };
  const options = { db: await getDb(), caseworker, stayOnRequestId, clientAddress: clientAddress(await headers()) };
  const decided = await attempt(() => (kind === 'end' ? endStayOn({ ...options, reason: parsed!.data!.reason }) : decideStayOn({ ...options, decision: kind === 'approve' ? { kind } : { kind, reason: parsed!.data!.reason } })));
  if (decided.refused) return { message: decided.message, values };
  redirect(`/staff/casework/stay-on?done=${DONE[kind]}`);
}
