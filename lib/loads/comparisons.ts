/**
 * The Fellegi–Sunter comparisons of an incoming row `r` (source_load_rows) with a held child `c` (children, with
 * `cpostcode` its postcode — for a shielded child the real one, which only matching reads). Each comparison gives a
 * level, highest = closest agreement, or -1 where either side has no value (which then counts for nothing).
 * Defined once here for the blocked pairs and for the random pairs that estimate the u-probabilities.
 */
export const COMPARISONS = {
  /** First given name: exact; Jaro–Winkler ≥ 0.92; sounds the same (double metaphone), Jaro–Winkler ≥ 0.8 or is another of the given names; else. */
  given: 4,
  /** Later given names (a middle name), where both sides have one: the first the same; the same initial; else. */
  middle: 3,
  /** Family name: exact; Jaro–Winkler ≥ 0.92; sounds the same, Jaro–Winkler ≥ 0.8 or one part of a double-barrelled name; else. */
  family: 4,
  /** Date of birth: exact; day and month transposed; two of day, month and year the same; else. */
  dob: 4,
  /** Postcode: the same; the same district; else. */
  postcode: 3,
  /** Gender: the same; else ("not specified" on either side: no value). */
  gender: 2,
} as const;

export type ComparisonName = keyof typeof COMPARISONS;

/** The given names after the first, lower case (null for one given name): a middle name tells apart two children whose first and family names and birthday are the same. */
export const LATER_GIVEN_NAMES = (givenNames: string) =>
  `nullif(btrim(lower(substr(${givenNames}, strpos(${givenNames} || ' ', ' ') + 1))), '')`;
export const COMPARISON_NAMES = Object.keys(COMPARISONS) as ComparisonName[];

/** Columns: g_given, g_middle, g_family, g_dob, g_postcode, g_gender. Needs `r`, `c`, `cpostcode` in scope. */
export const COMPARISON_SQL = `
  case when n.rg = n.cg then 3 when j.given >= 0.92 then 2
       when j.given >= 0.8 or r.given_name_phonetic = c.given_name_phonetic
         or position(' ' || n.rg || ' ' in ' ' || lower(c.given_names) || ' ') > 0 then 1 else 0 end as g_given,
  case when n.rm is null or n.cm is null then -1 when split_part(n.rm, ' ', 1) = split_part(n.cm, ' ', 1) then 2
       when left(n.rm, 1) = left(n.cm, 1) then 1 else 0 end as g_middle,
  case when n.rf = n.cf then 3 when j.family >= 0.92 then 2
       when j.family >= 0.8 or r.family_name_phonetic in (c.family_name_phonetic, c.family_name_phonetic_alt)
         or r.family_name_phonetic_alt = c.family_name_phonetic
         or (strpos(n.rf, '-') + strpos(n.cf, '-') > 0 and (strpos(n.rf, n.cf) > 0 or strpos(n.cf, n.rf) > 0)) then 1 else 0 end as g_family,
  case when r.date_of_birth = c.date_of_birth then 3
       when extract(year from r.date_of_birth) = extract(year from c.date_of_birth)
        and extract(month from r.date_of_birth) = extract(day from c.date_of_birth)
        and extract(day from r.date_of_birth) = extract(month from c.date_of_birth) then 2
       when (extract(year from r.date_of_birth) = extract(year from c.date_of_birth))::int
          + (extract(month from r.date_of_birth) = extract(month from c.date_of_birth))::int
          + (extract(day from r.date_of_birth) = extract(day from c.date_of_birth))::int = 2 then 1 else 0 end as g_dob,
  case when r.postcode is null or cpostcode is null then -1 when r.postcode = cpostcode then 2
       when r.postcode_district = split_part(cpostcode, ' ', 1) then 1 else 0 end as g_postcode,
  case when r.gender = 'not_specified' or c.gender = 'not_specified' then -1 when r.gender = c.gender then 1 else 0 end as g_gender`;

const NAME_KEYS = `
  cross join lateral (select lower(split_part(r.given_names, ' ', 1)) as rg, lower(split_part(c.given_names, ' ', 1)) as cg,
                             ${LATER_GIVEN_NAMES('r.given_names')} as rm, ${LATER_GIVEN_NAMES('c.given_names')} as cm,
                             lower(r.family_name) as rf, lower(c.family_name) as cf) n`;

// Names that neither share their first letter nor sound the same almost never reach a Jaro–Winkler of 0.8: they are
// not compared and count as 0.
const GIVEN_WORTH_COMPARING = `(left(n.rg, 1) = left(n.cg, 1) or r.given_name_phonetic = c.given_name_phonetic)`;
const FAMILY_WORTH_COMPARING = `(left(n.rf, 1) = left(n.cf, 1) or r.family_name_phonetic in (c.family_name_phonetic, c.family_name_phonetic_alt))`;

/**
 * The pairs of names (columns a, b) whose Jaro–Winkler similarity the comparisons of the pairs `fromSql` selects
 * (joining `r` and `c`) will read: fillNameSimilarities computes them into load_name_similarity first.
 */
export const namePairsSql = (fromSql: string) => `
  select n.rg as a, n.cg as b ${fromSql} ${NAME_KEYS} where n.rg <> n.cg and ${GIVEN_WORTH_COMPARING}
  union all
  select n.rf, n.cf ${fromSql} ${NAME_KEYS} where n.rf <> n.cf and ${FAMILY_WORTH_COMPARING}`;

/**
 * The normalised names and their Jaro–Winkler similarities the comparisons read (as `n` and `j`): names not worth
 * comparing are not in load_name_similarity and count as 0.
 */
export const COMPARISON_LATERALS = `${NAME_KEYS}
  left join load_name_similarity sg on sg.a = n.rg and sg.b = n.cg
  left join load_name_similarity sf on sf.a = n.rf and sf.b = n.cf
  cross join lateral (select case when n.rg = n.cg then 1 else coalesce(sg.similarity, 0) end as given,
                             case when n.rf = n.cf then 1 else coalesce(sf.similarity, 0) end as family) j`;
