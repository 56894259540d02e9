import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { familyNameForms, foldName } from '@/lib/names';
import { preparedQuery } from './prepared-query';
import { sharedTrigramPatterns } from './shared-trigram-patterns';

/**
 * The blocks a search scores: the children with a given date of birth (or in a postcode district) whose names are
 * close enough to be worth scoring. The queries are shaped for 12 million children (docs/decisions/002): the block
 * comes from a covering index alone, and the name filter does its cheap tests first.
 */

export type BlockRow = {
  id: string;
  index_number: string;
  /** The child's family name now; `family_name` is the one compared, which may be a former name. */
  current_family_name: string;
  status: 'live' | 'merged';
  family_name: string;
  given_names: string;
  date_of_birth: string;
  gender: string;
  postcode_district: string | null;
  postcode?: string | null;
  is_shielded: boolean;
  /** True when the family name matched is a former name, from other_names. */
  via_former_name: boolean;
  family_name_phonetic: string | null;
  family_name_phonetic_alt: string | null;
  given_name_phonetic: string | null;
  sf: number | null;
  sg: number | null;
  sfg: number | null;
  sgf: number | null;
  /** The typed names' phonetic keys, the same on every row: worked out in the block query to save a round trip. */
  q_family: string | null;
  q_family_alt: string | null;
  q_given: string | null;
};

export type TypedNames = { familyName: string; givenName: string | null };

const family = sql.placeholder('family');
const given = sql.placeholder('given');

// A PostgreSQL array literal (the dates are validated ISO dates; each pattern is quoted).
const arrayLiteral = (items: string[]) => `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const typedValues = ({ familyName, givenName }: TypedNames) => {
  const patterns = sharedTrigramPatterns(familyName);
  const folded = foldName(familyName).whole;
  return {
    family: familyName,
    familyIsAscii: /^[\x00-\x7f]*$/.test(familyName),
    familyFolded: folded,
    familyForms: arrayLiteral(familyNameForms(familyName)),
    given: givenName,
    firstGiven: (givenName ?? '').split(' ')[0],
    triples: arrayLiteral(patterns.triples),
    pairs: arrayLiteral(patterns.pairs),
    pairsUpToLength: patterns.pairsUpToLength,
  };
};

// The typed names' keys, worked out once per query rather than once per row (OFFSET 0 stops the planner folding
// them into the filter, where a cached plan would work them out again for every row).
const typedKeys = sql`(select
  dmetaphone(${family}) as f1, dmetaphone_alt(${family}) as f2, nullif(dmetaphone(${sql.placeholder('firstGiven')}), '') as g1,
  ${sql.placeholder('familyFolded')}::text as fk, ${sql.placeholder('familyForms')}::text[] as forms, ${sql.placeholder('triples')}::text[] as triples, ${sql.placeholder('pairs')}::text[] as pairs,
  ${sql.placeholder('pairsUpToLength')}::int as pairs_up_to_length, ${sql.placeholder('familyIsAscii')}::boolean as ascii
  offset 0) q`;

/**
 * A loose first cut, which admits every child the scoring (score.ts) could show, test for test: sounds alike, within
 * two slips of the name folded, the name or a part of it is the typed one, a part of it or a known variant of either
 * (the keys stored with the name, name_keys(), against the forms lib/names gives for the typed name), shares enough
 * letters to be spelt similarly, or the given and family names swapped. For a typed name in plain letters, lower()
 * under the C collation, which folds ASCII letters only, is enough (a held capital it leaves, such as the Đ of
 * "Sowe Đỗ", cannot match a plain letter) and is several times cheaper per row than the database's own (measured at
 * 12 M: 1.2 ms of a district's 6 ms); a typed name with other letters is compared as pg_trgm compares it, through
 * the database's own lower().
 */
const sharesLetters = (lowered: SQL, name: SQL) =>
  sql`(${lowered} like any(q.triples) or (length(${name}) <= q.pairs_up_to_length and ${lowered} like any(q.pairs)))`;
const nameFilter = (name: SQL, namePhonetic: SQL, namePhoneticAlt: SQL, nameKeys: SQL, givenPhonetic: SQL) => sql`(
  ${namePhonetic} in (q.f1, q.f2) or ${namePhoneticAlt} = q.f1
  or ${nameKeys} && q.forms
  or levenshtein_less_equal(${nameKeys}[1], q.fk, 2) <= 2
  or ${givenPhonetic} = q.f1
  or ${namePhonetic} = q.g1
  or ((q.ascii and ${sharesLetters(sql`lower(${name} collate "C")`, name)} or not q.ascii and ${sharesLetters(sql`lower(${name})`, name)})
    and similarity(${name}, ${family}) >= 0.3))`;

const scored = (name: SQL) => sql`
  similarity(${name}, ${family}) as sf, similarity(c.given_names, ${given}) as sg,
  similarity(c.given_names, ${family}) as sfg, similarity(${name}, ${given}) as sgf,
  q.f1 as q_family, q.f2 as q_family_alt, q.g1 as q_given`;

const childColumns = sql`c.id, c.index_number, c.family_name as current_family_name, c.status::text as status, c.given_names, c.date_of_birth::text as date_of_birth,
  c.gender::text as gender, c.postcode_district, c.is_shielded, c.given_name_phonetic`;
const currentName = sql`c.family_name, c.family_name_phonetic, c.family_name_phonetic_alt, false as via_former_name, ${scored(sql`c.family_name`)}`;
const formerName = sql`former.family_name, former.family_name_phonetic, dmetaphone_alt(former.family_name), true, ${scored(sql`former.family_name`)}`;
const childNameFilter = nameFilter(sql`c.family_name`, sql`c.family_name_phonetic`, sql`c.family_name_phonetic_alt`, sql`c.family_name_keys`, sql`c.given_name_phonetic`);
const formerNameFilter = (o: string) =>
  nameFilter(sql.raw(`${o}.family_name`), sql.raw(`${o}.family_name_phonetic`), sql.raw(`dmetaphone_alt(${o}.family_name)`), sql.raw(`${o}.family_name_keys`), sql`null::text`);
// Former names first, from a covering index alone: only the few close ones go on to their child's row, read by its
// key (the fenced LATERAL stops the planner reading the whole block of children to hash-join them instead).
const closeFormerNames = (blockedBy: SQL, childIs: SQL) => sql`(
  select o.child_id, o.family_name, o.family_name_phonetic
  from other_names o, ${typedKeys}
  where ${blockedBy} and o.kind = 'former' and ${formerNameFilter('o')}
  offset 0) former,
  lateral (select * from children c where c.id = former.child_id and ${childIs} offset 0) c`;

// One date, not an array of them: PostgreSQL then settles on a cached generic plan, where for an array of unknown
// length it keeps planning afresh (custom plans) every time.
const date = sql`${sql.placeholder('date')}::date`;
const runDobBlock = preparedQuery<BlockRow>(() => sql`
  select ${childColumns}, ${currentName}
  from children c, ${typedKeys}
  where c.date_of_birth = ${date} and c.status in ('live', 'merged') and ${childNameFilter}
  union all
  select ${childColumns}, ${formerName}
  from ${closeFormerNames(sql`o.child_date_of_birth = ${date}`, sql`c.status in ('live', 'merged')`)}, ${typedKeys}`);

/** Children born on `date` whose current or former family name is close to the typed one. */
export function dobBlock(db: Database, typed: TypedNames, date: string): Promise<BlockRow[]> {
  return runDobBlock(db, { ...typedValues(typed), date });
}

const runPhoneticDateBlock = preparedQuery<BlockRow>(() => sql`
  select ${childColumns}, ${currentName}
  from children c, ${typedKeys}
  where c.family_name_phonetic in ((select dmetaphone(${family})), (select dmetaphone_alt(${family})))
    and c.date_of_birth = any(${sql.placeholder('dates')}::date[]) and c.status in ('live', 'merged')`);

/** A date of birth one digit out: only children whose surname sounds the same, through the phonetic index. */
export function phoneticDateBlock(db: Database, typed: TypedNames, dates: string[]): Promise<BlockRow[]> {
  return runPhoneticDateBlock(db, { ...typedValues(typed), dates: arrayLiteral(dates) });
}

const district = sql.placeholder('district');
const postcodeColumns = sql`c.id, c.index_number, c.family_name as current_family_name, 'live' as status, c.given_names,
  c.date_of_birth::text as date_of_birth, c.gender::text as gender, c.postcode_district, false as is_shielded, c.given_name_phonetic, c.postcode`;
// Status and shield come from the index's own condition, so that the block is read from the index alone.
const inPostcodeBlock = sql`c.postcode_district = ${district} and not c.is_shielded and c.status = 'live'`;
const postcodeBlockQuery = (scope: 'postcode' | 'district') => {
  if (scope === 'postcode') {
    // A dozen children at most: each one's former names are read through the child.
    const inPostcode = sql`${inPostcodeBlock} and c.postcode = ${sql.placeholder('postcode')}`;
    return preparedQuery<BlockRow>(() => sql`
      select ${postcodeColumns}, ${currentName}
      from children c, ${typedKeys}
      where ${inPostcode}
      union all
      select ${postcodeColumns}, ${formerName}
      from children c join other_names former on former.child_id = c.id and former.kind = 'former', ${typedKeys}
      where ${inPostcode} and ${formerNameFilter('former')}`);
  }
  // Thousands of children: former names come from their own index by district, and only the close ones go on to
  // their child's row, which decides district, shield and status.
  return preparedQuery<BlockRow>(() => sql`
    select ${postcodeColumns}, ${currentName}
    from children c, ${typedKeys}
    where ${inPostcodeBlock} and ${childNameFilter}
    union all
    select ${postcodeColumns}, ${formerName}
    from ${closeFormerNames(sql`o.child_postcode_district = ${district}`, inPostcodeBlock)}, ${typedKeys}`);
};
const runPostcodeBlock = { postcode: postcodeBlockQuery('postcode'), district: postcodeBlockQuery('district') };

/**
 * Children in a postcode: the full postcode (a street or two) scored whole, or the district with the name filter;
 * by their current family name or a former one. The block's own index leaves shielded children out, so a postcode
 * can never find one, nor a merged-away record (whose address is not the child's: the record kept holds that).
 */
export function postcodeBlock(db: Database, typed: TypedNames, postcode: string, scope: 'postcode' | 'district'): Promise<BlockRow[]> {
  const full = postcode.replace(/\s+/g, ' ');
  return runPostcodeBlock[scope](db, { ...typedValues(typed), postcode: full, district: full.split(' ')[0]! });
}
