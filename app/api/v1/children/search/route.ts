import { getDb } from '@/db';
import { authenticateApiClient } from '@/lib/api-clients/authenticate-api-client';
import { recordRefusal } from '@/lib/auth/record-refusal';
import { currentStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { crossSiteRefusal, isCrossSiteRequest } from '@/lib/http/cross-site';
import { jsonResponse } from '@/lib/http/json-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { misuseThresholds } from '@/lib/oversight/misuse-thresholds';
import { searchAllowance } from '@/lib/rate-limits/search-allowance';
import type { FieldToAdd, NoAnswerReason } from '@/lib/search/confident-match';
import type { SearchActor } from '@/lib/search/find-children';
import { searchWithinLimits } from '@/lib/search/search-within-limits';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { ZChildSearch } from '@/lib/validation/child-search';
import { withJsonErrors } from '@/lib/http/json-errors';

export const dynamic = 'force-dynamic';

const NOT_A_SEARCH = 'Send the search as a JSON object, like { "reason": "working_with_child", "familyName": "Smith", "dateOfBirth": "2015-03-04" }.';

/** Search details are personal data: they travel in the body, never in the address (which ends up in logs). */
export function GET() {
  return jsonResponse({ error: 'Use POST with a JSON body: search details must not be put in the address.' }, 405);
}

export const POST = withJsonErrors(searchChildren);

async function searchChildren(request: Request) {
  const db = await getDb();
  const client = await authenticateApiClient({ db, authorization: request.headers.get('authorization') });
  let actor: (SearchActor & { sessionId?: string }) | null = client ? { id: client.id, organisationId: client.organisationId, kind: 'api_client' } : null;
  if (!actor) {
    // A browser session travels in a cookie, which another site's page could make the browser send.
    if (isCrossSiteRequest(request.headers)) return crossSiteRefusal();
    const found = await currentStaff();
    if (found.status === 'signed_in' && ['practitioner', 'caseworker'].includes(found.staff.role)) {
      actor = { id: found.staff.id, organisationId: found.staff.organisationId, kind: 'staff', sessionId: found.staff.sessionId };
    } else if (found.status === 'signed_in') {
      const { id, organisationId, role } = found.staff;
      await recordRefusal({ actor: { kind: 'staff', id, organisationId }, status: 403, why: `Needs the role practitioner or caseworker; they are ${role}`, route: '/api/v1/children/search' });
      return jsonResponse({ error: 'Your role cannot search the index.' }, 403);
    }
  }
  if (!actor) return jsonResponse({ error: 'Sign in, or send an API key as "Authorization: Bearer <key>".' }, 401);

  const read = await readJsonBody(request, { notJson: NOT_A_SEARCH });
  if ('refusal' in read) return read.refusal;
  if (!read.body || typeof read.body !== 'object' || Array.isArray(read.body)) return jsonResponse({ error: NOT_A_SEARCH }, 400);
  const parsed = ZChildSearch.safeParse(read.body);
  if (!parsed.success) return jsonResponse({ error: 'The search is not valid.', fields: fieldErrors(parsed.error) }, 400);

  const result = await searchWithinLimits({
    db,
    actor,
    search: parsed.data,
    clientAddress: clientAddress(request.headers),
    allowance: searchAllowance(actor.kind),
    searchesWithoutViewing: misuseThresholds().searchesWithoutViewing,
    now: new Date(),
  });
  if (result.outcome === 'rate_limited') return tooManySearches(result.retryAfterSeconds);
  if (result.outcome === 'session_ended') return jsonResponse({ error: 'Your session has ended: you searched many times without opening a record. The index team has been told.' }, 401);
  if (actor.kind === 'api_client') {
    const match = result.outcome === 'matches' ? (result.matches[0] ?? null) : null;
    if (match || !result.withheld) return jsonResponse({ match });
    const { reason, toAdd } = result.withheld;
    return jsonResponse({ match: null, reason, toAdd, message: withheldMessage(reason, toAdd) });
  }
  return jsonResponse(result);
}

const WHY_NO_ANSWER: Record<NoAnswerReason, string> = {
  needs_date_of_birth: 'A child is answered only with their date of birth.',
  needs_given_name: 'A child is answered only with their given name as well as the family name.',
  no_match: 'No child on the index matches these details.',
  only_close_matches: 'Some children are close to these details but none has these names and this date of birth: a person should search and judge.',
  needs_corroboration: 'A child has these names and this date of birth, but name and birthday alone do not identify a child: send the full postcode held for them, or your own id for them.',
  given_name_variant:
    'A child at this postcode has this date of birth and a variant of this given name; twins are often given such names, so the given name must be as held: send it as held, or your own id for the child.',
  another_plausible_child: 'More than one child could be the one meant: send details that tell them apart.',
  source_id_elsewhere: 'Your id for this person is linked to a different child: a person should check.',
  too_many: 'Too many children match these details.',
};
const FIELD_NAMES: Record<FieldToAdd, string> = {
  dateOfBirth: 'dateOfBirth',
  givenName: 'givenName',
  postcode: 'the full postcode (postcode)',
  gender: 'gender',
  sourcePersonId: 'your own id for the person (sourcePersonId)',
};
const withheldMessage = (reason: NoAnswerReason, toAdd: FieldToAdd[]) =>
  toAdd.length ? `${WHY_NO_ANSWER[reason]} Add: ${toAdd.map((f) => FIELD_NAMES[f]).join(', ')}.` : WHY_NO_ANSWER[reason];

function tooManySearches(retryAfterSeconds: number): Response {
  const response = jsonResponse({ error: `Too many searches: this one was not run. Try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds }, 429);
  response.headers.set('Retry-After', String(retryAfterSeconds));
  return response;
}
