'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { addOrganisationService } from '@/lib/organisation-services/add-organisation-service';
import { ZAddOrganisationService, ZOrganisationServiceTarget } from '@/lib/validation/organisation-service';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export type AddServiceFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function addServiceAction(organisationId: string, _previous: AddServiceFormState, formData: FormData): Promise<AddServiceFormState> {
  const admin = await requireStaff('administrator');
  const target = ZOrganisationServiceTarget.safeParse({ organisationId });
  if (!target.success) return { message: 'That organisation could not be found' };
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = ZAddOrganisationService.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const added = await attempt(async () => addOrganisationService({ db: await getDb(), admin, organisationId: target.data.organisationId, ...parsed.data, clientAddress: clientAddress(await headers()) }));
  if (added.refused) return { message: added.message, values };
  redirect(`/staff/admin/organisations/${target.data.organisationId}?done=${added.value.pending ? 'pending' : 'added'}`);
}
