'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { createStaffUser } from '@/lib/staff-admin/create-staff-user';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZCreateStaffUser } from '@/lib/validation/staff-user';
import { attempt } from '@/app/_components/refusals';

export type CreateUserFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function createUserAction(_previous: CreateUserFormState, formData: FormData): Promise<CreateUserFormState> {
  const admin = await requireStaff('administrator');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = ZCreateStaffUser.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const created = await attempt(async () => createStaffUser({ db: await getDb(), admin, input: parsed.data }));
  if (created.refused) return { message: created.message, values };
  redirect(`/staff/admin/users/${created.value}?done=created`);
}
