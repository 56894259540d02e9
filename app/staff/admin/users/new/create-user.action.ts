'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { AppError } from '@/lib/kernel/errors';
import { createStaffUser } from '@/lib/staff-admin/create-staff-user';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZCreateStaffUser } from '@/lib/validation/staff-user';

export type CreateUserFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function createUserAction(_previous: CreateUserFormState, formData: FormData): Promise<CreateUserFormState> {
  const admin = await requireStaff('administrator');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = ZCreateStaffUser.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  let id: string;
  try {
    id = await createStaffUser({ db: await getDb(), admin, input: parsed.data });
  } catch (error) {
    if (error instanceof AppError) return { message: error.userMessage, values };
    throw error;
  }
  redirect(`/staff/admin/users/${id}?done=created`);
}
