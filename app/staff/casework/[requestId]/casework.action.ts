'use server';

import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { correctionRequests } from '@/db/schema';
import { requireStaff } from '@/lib/auth/require-staff';
import { actOnRequest, type CaseworkCommand } from '@/lib/casework/act-on-request';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { COMMAND_NAMES, type CommandName, parseCaseworkForm } from '@/lib/validation/casework-command';
import { type FieldErrors, fieldErrors } from '@/lib/validation/staff-sign-in';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export type CaseworkFormState = { command?: CommandName; errors?: FieldErrors; message?: string; values?: Record<string, string> };

/** The request's id is a field of the form: an action bound in the browser never finishes without JavaScript. */
export async function caseworkAction(_previous: CaseworkFormState, formData: FormData): Promise<CaseworkFormState> {
  const caseworker = await requireStaff('caseworker');
  const requestId = formData.get('requestId');
  if (!isRecordId(requestId)) notFound();
  const { command: commandField, requestId: _requestId, ...values } = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const command = COMMAND_NAMES.find((name) => name === commandField);
  if (!command) return { message: 'Choose what to do with the request' };
  const db = await getDb();
  const [item] = await db.select({ itemKind: correctionRequests.itemKind, field: correctionRequests.field }).from(correctionRequests).where(eq(correctionRequests.id, requestId));
  if (!item) return refuseAsNotFound('No correction request with this id');
  const parsed = parseCaseworkForm(command, values, item);
  if (!parsed.success) return { command, errors: fieldErrors(parsed.error), values };
  let status: string;
  try {
    status = await actOnRequest({ db, caseworker, requestId, command: { kind: command, ...parsed.data } as CaseworkCommand, clientAddress: clientAddress(await headers()) });
  } catch (error) {
    // Another council's request answers as one that does not exist: the id tells its caseworkers nothing.
    if (error instanceof AppError && error.code === 'not_found') return refuseAsNotFound('No correction request of their council with this id');
    if (error instanceof AppError) return { command, message: error.userMessage, values };
    throw error;
  }
  redirect(`/staff/casework/${requestId}?done=${command === 'apply' ? status : command}`);
}
