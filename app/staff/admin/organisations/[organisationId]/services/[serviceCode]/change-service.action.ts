'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { approveOrganisationService } from '@/lib/organisation-services/approve-organisation-service';
import { removeOrganisationService } from '@/lib/organisation-services/remove-organisation-service';
import { ZChangeOrganisationService, ZOrganisationServiceTarget } from '@/lib/validation/organisation-service';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export type ChangeServiceFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function changeServiceAction(organisationId: string, serviceCode: string, _previous: ChangeServiceFormState, formData: FormData): Promise<ChangeServiceFormState> {
  const admin = await requireStaff('administrator');
  const target = ZOrganisationServiceTarget.safeParse({ organisationId, serviceCode });
  if (!target.success || !target.data.serviceCode) return { message: 'That service could not be found' };
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = ZChangeOrganisationService.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const change = { db: await getDb(), admin, organisationId: target.data.organisationId, serviceCode: target.data.serviceCode, reason: parsed.data.reason, clientAddress: clientAddress(await headers()) };
  const changed = await attempt(() => (parsed.data.decision === 'approve' ? approveOrganisationService(change) : removeOrganisationService(change)));
  if (changed.refused) return { message: changed.message, values };
  redirect(`/staff/admin/organisations/${target.data.organisationId}?done=${parsed.data.decision === 'approve' ? 'approved' : 'removed'}`);
}
