import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { carers, childCarers } from '@/db/schema';
import { ageOn } from '@/lib/citizen-access/age';
import { OWN_ACCESS_AGE } from '@/lib/citizen-access/find-citizen-access';
import { todayInLondon } from '@/lib/kernel/dates';
import { confidentMatch } from '@/lib/search/confident-match';
import { dateCandidates } from '@/lib/search/date-candidates';
import { editDistance } from '@/lib/search/edit-distance';
import { areNameVariants, type NameKind, normaliseName } from '@/lib/names';
import { scoreCandidate } from '@/lib/search/score';
import type { TIdentityStatement } from '@/lib/validation/identity-statement';

/** The record a statement matched, and where its code may go. */
export type StatementMatch = {
  childId: string;
  childName: string;
  address: { id: string; lines: string[] };
  /** For a parent: the carer with parental responsibility on the record whom the statement names. */
  carer: { id: string; name: string; email: string | null } | null;
};

/**
 * What a statement came to. `refused` names a record that matched but may not be linked online: for the audit
 * trail only, never for the person who asked.
 */
export type StatementOutcome =
  | { outcome: 'matched'; match: StatementMatch }
  | { outcome: 'refused'; childId: string; reason: 'shielded' | 'too_young' | 'no_parental_responsibility' }
  | { outcome: 'no_match' };

export type MatchIdentityStatementOptions = { db: DbOrTx; statement: TIdentityStatement; now: Date };

type Row = {
  id: string;
  given_names: string;
  family_name: string;
  date_of_birth: string;
  gender: string;
  is_shielded: boolean;
  address_id: string;
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
  family_name_phonetic: string | null;
  family_name_phonetic_alt: string | null;
  given_name_phonetic: string | null;
  sf: number | null;
  sg: number | null;
  sfg: number | null;
  sgf: number | null;
  q_family: string | null;
  q_family_alt: string | null;
  q_given: string | null;
};

/**
 * The one live record a statement names, if any. The block is the children born on the date given (or with day
 * and month swapped) whose current address has the postcode given; the names are scored as the practitioner search
 * scores them, and only one confident match counts. A match is refused when the record may not be linked online:
 * shielded, a young person under 12 claiming their own record, or a parent not listed with parental responsibility.
 */
export async function matchIdentityStatement({ db, statement, now }: MatchIdentityStatementOptions): Promise<StatementOutcome> {
  const dates = dateCandidates(statement.dateOfBirth);
  const dateArray = `{${[dates.exact, dates.swapped].filter(Boolean).join(',')}}`;
  const family = statement.childFamilyName;
  const given = statement.childGivenName;
  // From the postcode (a street or two) to the children living there now: a handful of rows, whoever asks.
  const rows = [
    ...(await db.execute<Row>(sql`
      select c.id, c.given_names, c.family_name, c.date_of_birth::text as date_of_birth, c.gender::text as gender, c.is_shielded,
        a.id as address_id, a.line1, a.line2, a.town, a.postcode,
        c.family_name_phonetic, c.family_name_phonetic_alt, c.given_name_phonetic,
        similarity(c.family_name, ${family}) as sf, similarity(c.given_names, ${given}) as sg,
        similarity(c.given_names, ${family}) as sfg, similarity(c.family_name, ${given}) as sgf,
        dmetaphone(${family}) as q_family, dmetaphone_alt(${family}) as q_family_alt,
        nullif(dmetaphone(split_part(${given}, ' ', 1)), '') as q_given
      from addresses a
      join child_addresses ca on ca.address_id = a.id and ca.lived_until is null
      join children c on c.id = ca.child_id
      where a.postcode = ${statement.postcode} and c.date_of_birth = any(${dateArray}::date[])
        and c.status = 'live' and c.merged_into_id is null and c.address_status = 'current'`)),
  ];
  const criteria = { familyName: family, givenName: given, dateOfBirth: statement.dateOfBirth, postcode: statement.postcode };
  const ranked = [...new Map(rows.map((row) => [row.id, row])).values()]
    .map((row) => ({
      row,
      ...scoreCandidate(
        criteria,
        {
          familyName: row.family_name,
          givenNames: row.given_names,
          dateOfBirth: row.date_of_birth,
          gender: row.gender,
          postcodeDistrict: row.postcode.split(' ')[0] ?? null,
          postcode: row.postcode,
          phonetic: { family: row.family_name_phonetic, familyAlt: row.family_name_phonetic_alt, given: row.given_name_phonetic },
          similarity: { family: Number(row.sf ?? 0), given: Number(row.sg ?? 0), familyAsGiven: Number(row.sfg ?? 0), givenAsFamily: Number(row.sgf ?? 0) },
        },
        { family: row.q_family, familyAlt: row.q_family_alt, given: row.q_given },
      ),
    }))
    .filter((r) => r.nameMatched)
    .sort((a, b) => b.score - a.score);
  const best = confidentMatch(ranked)?.row;
  if (!best) return { outcome: 'no_match' };
  // A shielded child is never linked online, even when the details are right (DOMAIN.md).
  if (best.is_shielded) return { outcome: 'refused', childId: best.id, reason: 'shielded' };

  const match: StatementMatch = {
    childId: best.id,
    childName: `${best.given_names} ${best.family_name}`,
    address: { id: best.address_id, lines: [best.line1, best.line2, best.town, best.postcode].filter((l): l is string => Boolean(l)) },
    carer: null,
  };
  if (statement.relationship === 'self') {
    const oldEnough = ageOn(best.date_of_birth, todayInLondon(now)) >= OWN_ACCESS_AGE;
    return oldEnough ? { outcome: 'matched', match } : { outcome: 'refused', childId: best.id, reason: 'too_young' };
  }

  const parents = await db
    .select({ id: carers.id, givenNames: carers.givenNames, familyName: carers.familyName, email: carers.email })
    .from(childCarers)
    .innerJoin(carers, eq(carers.id, childCarers.carerId))
    .where(and(eq(childCarers.childId, best.id), eq(childCarers.hasParentalResponsibility, true)));
  const named = parents.filter(
    (p) => sameName(p.familyName, statement.parentFamilyName ?? '', 'family') && sameName(firstName(p.givenNames), firstName(statement.parentGivenName ?? ''), 'given'),
  );
  // Two parents with parental responsibility answering to the same name: we cannot tell which one is asking.
  const [parent] = named;
  if (!parent || named.length > 1) return { outcome: 'refused', childId: best.id, reason: 'no_parental_responsibility' };
  return { outcome: 'matched', match: { ...match, carer: { id: parent.id, name: `${parent.givenNames} ${parent.familyName}`, email: parent.email } } };
}

const firstName = (names: string) => normaliseName(names).split(' ')[0] ?? '';

/** A parent's name as held: the same, a known variant (Kate/Katie), or one typing slip in a name of 5 letters or more. */
function sameName(held: string, said: string, kind: NameKind): boolean {
  const a = normaliseName(held);
  const b = normaliseName(said);
  if (!a || !b) return false;
  return a === b || areNameVariants(held, said, kind) || (Math.min(a.length, b.length) >= 5 && editDistance(a, b) <= 1);
}
