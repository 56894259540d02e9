import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { suspendSearchWithoutViewing } from '@/lib/oversight/suspend-search-without-viewing';
import type { Allowance } from '@/lib/rate-limits/spend-allowance';
import { spendAllowance } from '@/lib/rate-limits/spend-allowance';
import type { TChildSearch } from '@/lib/validation/child-search';
import { type AuditedSearch, findChildren, type SearchActor, searchReasonForAudit } from './find-children';

export type SearchWithinLimitsOptions = {
  db: Database;
  /** A member of staff's session, so that the misuse rule can end it; none for a system client. */
  actor: SearchActor & { sessionId?: string };
  search: TChildSearch;
  clientAddress: string | null;
  allowance: Allowance;
  /** Searches in the last hour without opening a record that end a member of staff's session. */
  searchesWithoutViewing: number;
  now: Date;
};

export type LimitedSearch =
  | AuditedSearch
  | { outcome: 'rate_limited'; retryAfterSeconds: number }
  | { outcome: 'session_ended' };

/**
 * A search from a page or the API, as fast as the searcher's allowance lets them: one over it is refused (and the
 * refusal audited) without being run. A member of staff who has searched too often without opening any record has
 * their session ended before seeing the results, and the index team is alerted.
 */
export async function searchWithinLimits({ db, actor, search, clientAddress, allowance, searchesWithoutViewing, now }: SearchWithinLimitsOptions): Promise<LimitedSearch> {
  const decision = await spendAllowance({ db, key: `search:${actor.kind}:${actor.id}`, allowance, now });
  if (!decision.allowed) {
    await recordAuditEvent({
      db,
      event: {
        actorKind: actor.kind,
        actorId: actor.id,
        organisationId: actor.organisationId,
        action: 'child.search',
        reason: searchReasonForAudit(search),
        query: { refusal: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds },
        outcome: 'rate_limited',
        clientAddress,
      },
    });
    return { outcome: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds };
  }
  const result = await findChildren({ db, actor, search, clientAddress });
  if (actor.kind === 'staff' && actor.sessionId) {
    const ended = await suspendSearchWithoutViewing({ db, staff: { id: actor.id, sessionId: actor.sessionId }, searchesWithoutViewing, now });
    if (ended) return { outcome: 'session_ended' };
  }
  return result;
}
