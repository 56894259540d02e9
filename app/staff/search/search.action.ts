'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { type AuditedSearch, findChildren } from '@/lib/search/find-children';
import { type FieldErrors, fieldErrors } from '@/lib/validation/staff-sign-in';
import { ZChildSearch } from '@/lib/validation/child-search';
import { foldDateParts } from '@/lib/validation/date-parts';

export type SearchFormState = { errors?: FieldErrors; result?: AuditedSearch; values?: Record<string, string> };

export async function searchAction(_previous: SearchFormState, formData: FormData): Promise<SearchFormState> {
  const staff = await requireStaff('practitioner', 'caseworker');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = ZChildSearch.safeParse(foldDateParts(values, 'dateOfBirth'));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await findChildren({
    db: await getDb(),
    actor: { id: staff.id, organisationId: staff.organisationId, kind: 'staff' },
    search: parsed.data,
    clientAddress: clientAddress(await headers()),
  });
  return { result, values };
}
