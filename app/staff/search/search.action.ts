'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { misuseThresholds } from '@/lib/oversight/misuse-thresholds';
import { searchAllowance } from '@/lib/rate-limits/search-allowance';
import { searchResultsPath } from '@/lib/search/search-results-path';
import { searchWithinLimits } from '@/lib/search/search-within-limits';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';
import { ZChildSearch } from '@/lib/validation/child-search';
import { foldDateParts } from '@/lib/validation/date-parts';

export type SearchFormState = { errors?: FieldErrors; values?: Record<string, string>; retryAfterSeconds?: number };

/**
 * A search, then its results at an address of their own that holds only the search's audit event (post, redirect,
 * get): the way back from a record leads there, and reloading the page does not search again.
 */
export async function searchAction(_previous: SearchFormState, formData: FormData): Promise<SearchFormState> {
  const staff = await requireStaff('practitioner', 'caseworker');
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = ZChildSearch.safeParse(foldDateParts(values, 'dateOfBirth'));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const searched = await searchWithinLimits({
    db: await getDb(),
    actor: { id: staff.id, organisationId: staff.organisationId, kind: 'staff', sessionId: staff.sessionId },
    search: parsed.data,
    clientAddress: clientAddress(await headers()),
    allowance: searchAllowance('staff'),
    searchesWithoutViewing: misuseThresholds().searchesWithoutViewing,
    now: new Date(),
  });
  if (searched.outcome === 'session_ended') redirect('/staff/sign-in?ended=searching_without_viewing');
  if (searched.outcome === 'rate_limited') return { retryAfterSeconds: searched.retryAfterSeconds, values };
  redirect(searchResultsPath(searched.auditEventId));
}
