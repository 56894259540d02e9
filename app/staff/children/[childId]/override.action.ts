'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { overrideShield } from '@/lib/records/override-shield';
import { isRecordId, recordPath } from '@/lib/records/record-path';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZShieldOverride } from '@/lib/validation/viewing-purpose';
import { attempt } from '@/app/_components/refusals';

export type OverrideFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function overrideAction(childId: string, _previous: OverrideFormState, formData: FormData): Promise<OverrideFormState> {
  const staff = await requireStaff('practitioner');
  if (!isRecordId(childId)) redirect('/staff/search');
  const values = { reason: String(formData.get('reason') ?? '') };
  const parsed = ZShieldOverride.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const overridden = await attempt(async () => overrideShield({ db: await getDb(), viewer: staff, childId, override: parsed.data, clientAddress: clientAddress(await headers()) }));
  if (overridden.refused) return { message: overridden.message, values };
  redirect(recordPath(childId, overridden.value));
}
