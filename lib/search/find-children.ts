import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TChildSearch } from '@/lib/validation/child-search';
import { confidentMatch } from './confident-match';
import { followMerges, type Ranked } from './follow-merges';
import { rankChildren } from './rank-children';

export type SearchActor = { id: string; organisationId: string; kind: 'staff' | 'api_client' };

/** A search's reason as the audit trail records it, with the searcher's own words for "other". */
export const searchReasonForAudit = (search: TChildSearch) => (search.reason === 'other' ? `other: ${search.reasonDetail}` : search.reason);

export type SearchMatch = {
  childId: string;
  indexNumber: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  gender: string;
  /** Only enough of where the child lives to tell children apart; never for a shielded child. */
  postcodeDistrict: string | null;
  shielded: boolean;
  score: number;
  reasons: string[];
};

export type FindChildrenResult = { outcome: 'matches'; matches: SearchMatch[] } | { outcome: 'too_many' };

/** The search's audit event: a record opened from the results cites it as the reason for the view. */
export type AuditedSearch = FindChildrenResult & { auditEventId: number };

export type FindChildrenOptions = {
  db: Database;
  actor: SearchActor;
  search: TChildSearch;
  clientAddress?: string | null;
};

/**
 * A practitioner's search: names a child, never browses. Scores the children in the date-of-birth or postcode
 * block, shows at most ten with their reasons, and records the search — who, why, what was asked and which records
 * came back. The results are read with the block itself; the audit event is one insert after the reads, and if it
 * fails nothing is returned, so a search is recorded exactly when its results are returned.
 */
export async function findChildren({ db, actor, search, clientAddress = null }: FindChildrenOptions): Promise<AuditedSearch> {
  const ranking = await rankChildren(db, search);
  let shown: Ranked[] = [];
  if (ranking.outcome === 'ranked') {
    const kept = await followMerges(db, ranking.ranked);
    // A system client acts on what it gets without a person to judge: one confident match, or none.
    shown = actor.kind === 'api_client' ? [confidentMatch(kept)].filter((m) => m !== null) : kept;
  }
  const auditEventId = await recordAuditEvent({
    db,
    event: {
      actorKind: actor.kind,
      actorId: actor.id,
      organisationId: actor.organisationId,
      action: 'child.search',
      reason: searchReasonForAudit(search),
      query: { indexNumber: search.indexNumber, familyName: search.familyName, givenName: search.givenName, dateOfBirth: search.dateOfBirth, postcode: search.postcode, gender: search.gender },
      childIds: shown.map((s) => s.childId),
      outcome: ranking.outcome === 'too_many' ? 'too_many' : 'matches',
      clientAddress,
    },
  });
  if (ranking.outcome === 'too_many') return { outcome: 'too_many', auditEventId };
  return {
    outcome: 'matches',
    matches: shown.map(({ shown: child, score, reasons }) => ({ ...child, postcodeDistrict: child.shielded ? null : child.postcodeDistrict, score, reasons })),
    auditEventId,
  };
}
