import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import type { AnswerCandidate } from './confident-match';
import type { Ranked } from './follow-merges';

export type AnswerCandidatesOptions = {
  db: Database;
  ranked: readonly Ranked[];
  /** The system client's organisation: its own sources' ids are the only ones it may cite. */
  organisationId: string;
  sourcePersonId?: string;
  sourceSystem?: string;
};

/**
 * What a system client's answer is judged on, beyond what the search shows: each ranked child's full postcode (the
 * live, unshielded record's own; a shielded child's never counts) and whether the source id the client sent was
 * linked to it by one of its organisation's sources. Two small reads by key, only for system clients.
 */
export async function answerCandidates({ db, ranked, organisationId, sourcePersonId, sourceSystem }: AnswerCandidatesOptions): Promise<{
  candidates: AnswerCandidate[];
  sourceIdLinked: boolean;
}> {
  const ids = ranked.map((r) => r.childId);
  const postcodes = new Map<string, string>();
  if (ids.length) {
    const rows = await db.execute<{ id: string; postcode: string }>(sql`
      select id, postcode from children
      where id = any(${`{${ids.join(',')}}`}::uuid[]) and status = 'live' and not is_shielded and postcode is not null`);
    for (const row of rows) postcodes.set(row.id, row.postcode);
  }
  const linked = new Set<string>();
  if (sourcePersonId) {
    const rows = await db.execute<{ child_id: string }>(sql`
      select si.child_id from source_identities si join source_systems s on s.id = si.source_system_id
      where s.organisation_id = ${organisationId} and si.source_person_id = ${sourcePersonId}
        and (${sourceSystem ?? null}::text is null or s.code = ${sourceSystem ?? null})`);
    for (const row of rows) linked.add(row.child_id);
  }
  return {
    candidates: ranked.map(({ childId, score, shown }) => ({
      childId,
      score,
      givenNames: shown.givenNames,
      familyName: shown.familyName,
      dateOfBirth: shown.dateOfBirth,
      gender: shown.gender,
      postcode: postcodes.get(childId) ?? null,
      sourceLinked: linked.has(childId),
    })),
    sourceIdLinked: linked.size > 0,
  };
}
