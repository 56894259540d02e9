'use server';

import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { correctionRequests } from '@/db/schema';
import { requireStaff } from '@/lib/auth/require-staff';
import { actOnRequest, type CaseworkCommand } from '@/lib/casework/act-on-request';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { COMMAND_NAMES, type CommandName, CHECKED_COMMANDS, parseCaseworkForm } from '@/lib/validation/casework-command';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { attempt } from '@/app/_components/refusals';

/** `checked`: the answers as the check step shows them, by field. The answers travel in the form's body, never the address. */
export type CaseworkFormState = { command?: CommandName; errors?: FieldErrors; message?: string; values?: Record<string, string>; checked?: Record<string, string> };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const shown = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).map(([name, value]) => [name, typeof value === 'string' && ISO_DATE.test(value) ? formatDate(value) : String(value ?? '')]));

/**
 * Every decision on a correction request, each from its own page. Approving and refusing have a check step: the first
 * post (step `check`, or none) checks the form and shows the answers back; "Change" (step `change`) returns to the
 * form with them; step `confirm` checks them again with the same schema and acts. The request's id is a field of the
 * form: an action bound in the browser never finishes without JavaScript.
 */
export async function caseworkAction(_previous: CaseworkFormState, formData: FormData): Promise<CaseworkFormState> {
  const caseworker = await requireStaff('caseworker');
  const requestId = formData.get('requestId');
  if (!isRecordId(requestId)) notFound();
  const { command: commandField, requestId: _requestId, step, ...values } = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const command = COMMAND_NAMES.find((name) => name === commandField);
  if (!command) return { message: 'Choose what to do with the request' };
  if (step === 'change') return { command, values };
  const db = await getDb();
  const [item] = await db.select({ itemKind: correctionRequests.itemKind, field: correctionRequests.field }).from(correctionRequests).where(eq(correctionRequests.id, requestId));
  if (!item) return refuseAsNotFound('No correction request with this id');
  const parsed = parseCaseworkForm(command, values, item);
  if (!parsed.success) return { command, errors: fieldErrors(parsed.error), values };
  if (CHECKED_COMMANDS.includes(command) && step !== 'confirm') {
    const data = parsed.data as Record<string, unknown> & { change?: { value: Record<string, unknown> } };
    return { command, values, checked: shown(data.change ? data.change.value : data) };
  }
  const acted = await attempt(async () => actOnRequest({ db, caseworker, requestId, command: { kind: command, ...parsed.data } as CaseworkCommand, clientAddress: clientAddress(await headers()) }));
  // Another council's request answers as one that does not exist: the id tells its caseworkers nothing.
  if (acted.refused && acted.error.code === 'not_found') return refuseAsNotFound('No correction request of their council with this id');
  if (acted.refused) return { command, message: acted.message, values };
  redirect(`/staff/casework/${requestId}?done=${command === 'apply' ? acted.value : command}`);
}
