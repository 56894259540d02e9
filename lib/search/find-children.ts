import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db';
import { children } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { parseIndexNumber } from '@/lib/records/index-number';
import type { TChildSearch } from '@/lib/validation/child-search';
import { confidentMatch } from './confident-match';
import { dateCandidates } from './date-candidates';
import { type Candidate, type QueryPhonetic, scoreCandidate, type SearchCriteria } from './score';

export const MAX_RESULTS = 10;
/** Below this a candidate is too weak to show. */
export const MIN_SCORE = 50;
/** Matches this close to the best count as indistinguishable from it. */
export const CLOSE_TO_BEST = 10;
/** A match this strong ends the search at the date as typed. */
export const CONVINCING = 85;

export type SearchActor = { id: string; organisationId: string; kind: 'staff' | 'api_client' };

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

export type FindChildrenOptions = {
  db: Database;
  actor: SearchActor;
  search: TChildSearch;
  clientAddress?: string | null;
};

type BlockRow = {
  id: string;
  family_name: string;
  given_names: string;
  date_of_birth: string;
  gender: string;
  postcode_district: string | null;
  is_shielded: boolean;
  family_name_phonetic: string | null;
  family_name_phonetic_alt: string | null;
  given_name_phonetic: string | null;
  postcode?: string | null;
  sf: number | null;
  sg: number | null;
  sfg: number | null;
  sgf: number | null;
  /** The typed names' phonetic keys, the same on every row: worked out in the block query to save a round trip. */
  q_family: string | null;
  q_family_alt: string | null;
  q_given: string | null;
};

// Scored columns, read from the covering indexes (index-only scans: see docs/decisions/002-search-indexes.md).
const scoredColumns = (familyName: string, givenName: string | null) => sql`
  c.id, c.family_name, c.given_names, c.date_of_birth::text as date_of_birth, c.gender::text as gender,
  c.family_name_phonetic, c.family_name_phonetic_alt, c.given_name_phonetic,
  similarity(c.family_name, ${familyName}) as sf, similarity(c.given_names, ${givenName}) as sg,
  similarity(c.given_names, ${familyName}) as sfg, similarity(c.family_name, ${givenName}) as sgf,
  dmetaphone(${familyName}) as q_family, dmetaphone_alt(${familyName}) as q_family_alt,
  dmetaphone(split_part(${givenName ?? ''}, ' ', 1)) as q_given`;

// A loose first cut inside the block (the scoring decides): similar spelling, within two edits, or sounds alike,
// either way round.
const nameFilter = (familyName: string, givenName: string | null) => sql`(
  similarity(c.family_name, ${familyName}) > 0.2
  or levenshtein(lower(c.family_name), lower(${familyName})) <= 2
  or c.family_name_phonetic in (dmetaphone(${familyName}), dmetaphone_alt(${familyName}))
  or c.given_names % ${familyName} or (${givenName}::text is not null and c.family_name % ${givenName}))`;

// One parameter holding a PostgreSQL array literal (the dates are validated ISO dates, so nothing needs quoting).
const dateArray = (dates: string[]) => `{${dates.join(',')}}`;

async function dobBlock(db: DbOrTx, familyName: string, givenName: string | null, dates: string[]): Promise<BlockRow[]> {
  return db.execute<BlockRow>(sql`
    select ${scoredColumns(familyName, givenName)}, c.postcode_district, c.is_shielded
    from children c
    where c.date_of_birth = any(${dateArray(dates)}::date[]) and c.status = 'live' and ${nameFilter(familyName, givenName)}`) as unknown as Promise<BlockRow[]>;
}

/** A date of birth one digit out: only children whose surname sounds the same, through the phonetic index. */
async function phoneticDateBlock(db: DbOrTx, familyName: string, givenName: string | null, dates: string[]): Promise<BlockRow[]> {
  return db.execute<BlockRow>(sql`
    select ${scoredColumns(familyName, givenName)}, c.postcode_district, c.is_shielded
    from children c
    where c.family_name_phonetic in (dmetaphone(${familyName}), dmetaphone_alt(${familyName}))
      and c.date_of_birth = any(${dateArray(dates)}::date[]) and c.status = 'live'`) as unknown as Promise<BlockRow[]>;
}

async function postcodeBlock(
  db: DbOrTx,
  familyName: string,
  givenName: string | null,
  postcode: string,
  scope: 'postcode' | 'district',
): Promise<BlockRow[]> {
  const typed = postcode.replace(/\s+/g, ' ');
  const district = typed.split(' ')[0]!;
  // The full postcode (a street or two) is scored whole; the district is only searched with a name filter.
  const within = scope === 'postcode' ? sql`c.postcode = ${typed}` : nameFilter(familyName, givenName);
  // The block's own index leaves shielded children out, so a postcode can never find one.
  return db.execute<BlockRow>(sql`
    select ${scoredColumns(familyName, givenName)}, c.postcode_district, c.postcode, false as is_shielded
    from children c
    where c.postcode_district = ${district} and not c.is_shielded and c.status = 'live' and ${within}`) as unknown as Promise<BlockRow[]>;
}

function toCandidate(row: BlockRow): Candidate {
  return {
    familyName: row.family_name,
    givenNames: row.given_names,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    postcodeDistrict: row.is_shielded ? null : row.postcode_district,
    postcode: row.is_shielded ? null : (row.postcode ?? null),
    phonetic: { family: row.family_name_phonetic, familyAlt: row.family_name_phonetic_alt, given: row.given_name_phonetic },
    similarity: { family: Number(row.sf ?? 0), given: Number(row.sg ?? 0), familyAsGiven: Number(row.sfg ?? 0), givenAsFamily: Number(row.sgf ?? 0) },
  };
}

/**
 * A practitioner's search: names a child, never browses. Scores the children in the date-of-birth or postcode
 * block, shows at most ten with their reasons, and records the search — who, why, what was asked and which records
 * came back — in the same transaction.
 */
export async function findChildren({ db, actor, search, clientAddress = null }: FindChildrenOptions): Promise<FindChildrenResult> {
  return db.transaction(async (tx) => {
    const ranked = await runSearch(tx, search);
    // A system client acts on what it gets without a person to judge: one confident match, or none.
    const result: FindChildrenResult =
      actor.kind === 'api_client' ? { outcome: 'matches', matches: [confidentMatch(ranked)].filter((m) => m !== null) } : ranked;
    const reason = search.reason === 'other' ? `other: ${search.reasonDetail}` : search.reason;
    await recordAuditEvent({
      db: tx,
      event: {
        actorKind: actor.kind,
        actorId: actor.id,
        organisationId: actor.organisationId,
        action: 'child.search',
        reason,
        query: { indexNumber: search.indexNumber, familyName: search.familyName, givenName: search.givenName, dateOfBirth: search.dateOfBirth, postcode: search.postcode, gender: search.gender },
        childIds: result.outcome === 'matches' ? result.matches.map((m) => m.childId) : [],
        outcome: result.outcome,
        clientAddress,
      },
    });
    return result;
  });
}

async function runSearch(tx: DbOrTx, search: TChildSearch): Promise<FindChildrenResult> {
  if (search.indexNumber) {
    const indexNumber = parseIndexNumber(search.indexNumber);
    if (!indexNumber) return { outcome: 'matches', matches: [] };
    const [child] = await tx.select().from(children).where(and(eq(children.indexNumber, indexNumber), eq(children.status, 'live')));
    if (!child) return { outcome: 'matches', matches: [] };
    return {
      outcome: 'matches',
      matches: [
        {
          childId: child.id,
          indexNumber: child.indexNumber,
          givenNames: child.givenNames,
          familyName: child.familyName,
          dateOfBirth: child.dateOfBirth,
          gender: child.gender,
          postcodeDistrict: child.isShielded ? null : child.postcodeDistrict,
          shielded: child.isShielded,
          score: 100,
          reasons: ['index number matches'],
        },
      ],
    };
  }
  const criteria: SearchCriteria = {
    familyName: search.familyName!,
    givenName: search.givenName,
    dateOfBirth: search.dateOfBirth,
    postcode: search.postcode,
    gender: search.gender,
  };
  const givenName = criteria.givenName ?? null;
  const score = (rows: BlockRow[]) => {
    const first = rows[0];
    if (!first) return [];
    const phonetic: QueryPhonetic = { family: first.q_family, familyAlt: first.q_family_alt, given: first.q_given };
    const seen = new Set<string>();
    return rows
      .filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)))
      .map((row) => ({ row, ...scoreCandidate(criteria, toCandidate(row), phonetic) }))
      .filter((s) => s.nameMatched && s.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.row.family_name.localeCompare(b.row.family_name));
  };

  let scored;
  if (criteria.dateOfBirth) {
    const dates = dateCandidates(criteria.dateOfBirth);
    const exact = await dobBlock(tx, criteria.familyName, givenName, [dates.exact]);
    scored = score(exact);
    // Only when the date as typed gives nothing convincing, try day and month swapped, then one digit out.
    if ((scored[0]?.score ?? 0) < CONVINCING) {
      const swapped = dates.swapped ? await dobBlock(tx, criteria.familyName, givenName, [dates.swapped]) : [];
      const oneOut = await phoneticDateBlock(tx, criteria.familyName, givenName, dates.oneDigitOut);
      scored = score([...exact, ...swapped, ...oneOut]);
    }
  } else {
    const fullPostcode = criteria.postcode!.includes(' ');
    scored = fullPostcode ? score(await postcodeBlock(tx, criteria.familyName, givenName, criteria.postcode!, 'postcode')) : [];
    if ((scored[0]?.score ?? 0) < CONVINCING) {
      scored = score(await postcodeBlock(tx, criteria.familyName, givenName, criteria.postcode!, 'district'));
    }
  }
  // Too many only when the practitioner could not tell the best matches apart: more than ten within a few points of
  // the best. A clear best match is shown with the next best, however many weak ones there are.
  const best = scored[0]?.score ?? 0;
  if (scored.filter((s) => s.score >= best - CLOSE_TO_BEST).length > MAX_RESULTS) return { outcome: 'too_many' };
  const top = scored.slice(0, MAX_RESULTS);
  if (top.length === 0) return { outcome: 'matches', matches: [] };
  const details = await tx
    .select({ id: children.id, indexNumber: children.indexNumber })
    .from(children)
    .where(inArray(children.id, top.map((t) => t.row.id)));
  const indexNumbers = new Map(details.map((d) => [d.id, d.indexNumber]));
  return {
    outcome: 'matches',
    matches: top.map(({ row, score, reasons }) => ({
      childId: row.id,
      indexNumber: indexNumbers.get(row.id)!,
      givenNames: row.given_names,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      gender: row.gender,
      postcodeDistrict: row.is_shielded ? null : row.postcode_district,
      shielded: row.is_shielded,
      score,
      reasons,
    })),
  };
}
