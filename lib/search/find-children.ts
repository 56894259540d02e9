import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import type { TChildSearch } from '@/lib/validation/child-search';
import { answerCandidates } from './answer-candidates';
import { confidentSystemClientAnswer, type FieldToAdd, type NoAnswerReason } from './confident-match';
import { followMerges, type Ranked } from './follow-merges';
import { rankChildren } from './rank-children';
import { shownMatches } from './shown-matches';

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

/** Why a system client got no child, and what it could send to get one. */
export type WithheldAnswer = { reason: NoAnswerReason; toAdd: FieldToAdd[] };
export type FindChildrenResult =
  | { outcome: 'matches'; matches: SearchMatch[]; withheld?: WithheldAnswer }
  | { outcome: 'too_many'; withheld?: WithheldAnswer }
  | { outcome: 'no_close_match'; withheld?: WithheldAnswer };

/** The search's audit event: a record opened from the results cites it as the reason for the view. */
export type AuditedSearch = FindChildrenResult & { auditEventId: number };

/** A system client sees more of the ranking than a page shows, so that a plausible eleventh child still counts. */
const SYSTEM_CLIENT_KEEPS = 50;

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
  const forSystem = actor.kind === 'api_client';
  const ranking = await rankChildren(db, search, { keep: forSystem ? SYSTEM_CLIENT_KEEPS : undefined });
  let shown: Ranked[] = [];
  let withheld: WithheldAnswer | undefined;
  if (ranking.outcome === 'ranked') {
    const kept = await followMerges(db, ranking.ranked);
    shown = kept;
    if (forSystem) {
      // A system client acts on what it gets without a person to judge: one child a person would be sure of, or none.
      const { candidates, sourceIdLinked } = await answerCandidates({ db, ranked: kept, organisationId: actor.organisationId, sourcePersonId: search.sourcePersonId, sourceSystem: search.sourceSystem });
      const answer = confidentSystemClientAnswer(search, candidates, sourceIdLinked);
      shown = kept.filter((k) => k.childId === answer.childId);
      if (answer.childId === null) withheld = { reason: answer.reason, toAdd: answer.toAdd };
    }
  } else if (forSystem) {
    const narrowing: FieldToAdd[] = ['givenName', 'dateOfBirth', 'postcode'];
    withheld = ranking.outcome === 'too_many' ? { reason: 'too_many', toAdd: narrowing.filter((field) => !search[field]) } : { reason: 'no_match', toAdd: [] };
  }
  const auditEventId = await recordAuditEvent({
    db,
    event: {
      actorKind: actor.kind,
      actorId: actor.id,
      organisationId: actor.organisationId,
      action: 'child.search',
      reason: searchReasonForAudit(search),
      query: {
        indexNumber: search.indexNumber,
        familyName: search.familyName,
        givenName: search.givenName,
        dateOfBirth: search.dateOfBirth,
        postcode: search.postcode,
        gender: search.gender,
        sourcePersonId: search.sourcePersonId,
        sourceSystem: search.sourceSystem,
        // Why a system client got no child, for whoever reads the trail (the outcome is the search's own).
        withheld: withheld?.reason,
      },
      childIds: shown.map((s) => s.childId),
      outcome: ranking.outcome === 'ranked' ? 'matches' : ranking.outcome,
      clientAddress,
    },
  });
  if (ranking.outcome !== 'ranked') return { outcome: ranking.outcome, auditEventId, ...(withheld && { withheld }) };
  return {
    outcome: 'matches',
    matches: shownMatches(shown),
    auditEventId,
    ...(withheld && { withheld }),
  };
}
