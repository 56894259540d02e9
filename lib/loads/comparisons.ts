/**
 * The Fellegi–Sunter comparisons of an incoming row `r` (source_load_rows) with a held child `c` (children, with
 * `cpostcode` its postcode — for a shielded child the real one, which only matching reads). Each comparison gives a
 * level, highest = closest agreement, or -1 where either side has no value (which then counts for nothing).
 * Defined once here for the blocked pairs and for the random pairs that estimate the u-probabilities.
 */
export const COMPARISONS = {
  /** First given name: exact; Jaro–Winkler ≥ 0.92; sounds the same (double metaphone), Jaro–Winkler ≥ 0.8 or is another of the given names; else. */
  given: 4,
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
export const COMPARISON_NAMES = Object.keys(COMPARISONS) as ComparisonName[];

/** Columns: g_given, g_family, g_dob, g_postcode, g_gender. Needs `r`, `c`, `cpostcode` in scope. */
export const COMPARISON_SQL = `
  case when n.rg = n.cg then 3 when j.given >= 0.92 then 2
       when j.given >= 0.8 or r.given_name_phonetic = c.given_name_phonetic
         or position(' ' || n.rg || ' ' in ' ' || lower(c.given_names) || ' ') > 0 then 1 else 0 end as g_given,
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

/**
 * The normalised names and their Jaro–Winkler similarities the comparisons read (as laterals `n` and `j`). The
 * similarity is computed only for names that share their first letter or sound the same: it is a plpgsql function
 * (~0.1 ms a call on a loaded machine) and names that do neither almost never reach 0.8; they count as 0.
 */
export const COMPARISON_LATERALS = `
  cross join lateral (select lower(split_part(r.given_names, ' ', 1)) as rg, lower(split_part(c.given_names, ' ', 1)) as cg,
                             lower(r.family_name) as rf, lower(c.family_name) as cf) n
  cross join lateral (select case when n.rg = n.cg then 1
                                  when left(n.rg, 1) = left(n.cg, 1) or r.given_name_phonetic = c.given_name_phonetic then jaro_winkler(n.rg, n.cg)
                                  else 0 end as given,
                             case when n.rf = n.cf then 1
                                  when left(n.rf, 1) = left(n.cf, 1) or r.family_name_phonetic in (c.family_name_phonetic, c.family_name_phonetic_alt)
                                    then jaro_winkler(n.rf, n.cf)
                                  else 0 end as family) j`;
