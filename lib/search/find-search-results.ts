import 'server-only';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditEvents } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { PURPOSE_LIFETIME_MS } from '@/lib/records/find-viewing-purpose';
import { type TChildSearch, ZChildSearch } from '@/lib/validation/child-search';
import type { AuditedSearch } from './find-children';
import { followMerges } from './follow-merges';
import { rankChildren } from './rank-children';
import { shownMatches } from './shown-matches';

export type FindSearchResultsOptions = {
  db: Database;
  viewer: { id: string; organisationId: string };
  searchEventId: number;
  clientAddress?: string | null;
  now: Date;
};

/** A search as it was asked, and what it found. */
export type SearchResults = { search: TChildSearch; result: AuditedSearch };

const SHOWN_OUTCOMES = ['matches', 'too_many', 'no_close_match'] as const;

/**
 * The results of one of the viewer's own recent searches, shown again (after the search, or on the way back from a
 * record) from its audit event, so that the address carries only the event's number, never what was typed. The
 * search is ranked again, but only the children it returned, and recorded were shown, can be shown; looking again
 * is itself audited. Null for a search that is not the viewer's, is older than a working day, or was redacted.
 */
export async function findSearchResults({ db, viewer, searchEventId, clientAddress = null, now }: FindSearchResultsOptions): Promise<SearchResults | null> {
  const [event] = await db
    .select({ reason: auditEvents.reason, query: auditEvents.query, childIds: auditEvents.childIds, outcome: auditEvents.outcome })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.id, searchEventId),
        eq(auditEvents.actorKind, 'staff'),
        eq(auditEvents.actorId, viewer.id),
        eq(auditEvents.action, 'child.search'),
        inArray(auditEvents.outcome, [...SHOWN_OUTCOMES]),
        isNull(auditEvents.redactedAt),
        gt(auditEvents.occurredAt, new Date(now.getTime() - PURPOSE_LIFETIME_MS)),
      ),
    );
  if (!event?.reason || !event.query) return null;
  const [reason, ...detail] = event.reason.split(': ');
  const asked = Object.fromEntries(Object.entries(event.query).filter(([key, value]) => key !== 'withheld' && value !== null && value !== undefined));
  const parsed = ZChildSearch.safeParse({ ...asked, reason, reasonDetail: reason === 'other' ? detail.join(': ') : undefined });
  if (!parsed.success) return null;
  const search = parsed.data;

  const outcome = event.outcome as (typeof SHOWN_OUTCOMES)[number];
  let result: AuditedSearch;
  if (outcome !== 'matches') result = { outcome, auditEventId: searchEventId };
  else {
    const returned = new Set(event.childIds);
    const ranking = await rankChildren(db, search, {});
    const ranked = ranking.outcome === 'ranked' ? await followMerges(db, ranking.ranked) : [];
    result = { outcome, matches: shownMatches(ranked.filter((r) => returned.has(r.childId))), auditEventId: searchEventId };
  }
  await recordAuditEvent({
    db,
    event: {
      actorKind: 'staff',
      actorId: viewer.id,
      organisationId: viewer.organisationId,
      action: 'child.search.results',
      reason: event.reason,
      query: { searchEventId },
      childIds: result.outcome === 'matches' ? result.matches.map((m) => m.childId) : [],
      outcome: result.outcome,
      clientAddress,
    },
  });
  return { search, result };
}
