import 'server-only';
import type postgres from 'postgres';
import { COMPARABLE, comparePairs, HELD_FIELDS } from './compare-pairs';
import { analyzeStagedRows } from './analyze-staged-rows';
import { inParallelLookups } from './parallel-lookups';

export type BuildCandidatePairsOptions = { tx: postgres.TransactionSql; loadId: string };

const TRANSPOSED_DOB = `case when extract(day from r.date_of_birth) <= 12 and extract(day from r.date_of_birth) <> extract(month from r.date_of_birth)
  then make_date(extract(year from r.date_of_birth)::int, extract(day from r.date_of_birth)::int, extract(month from r.date_of_birth)::int) end`;

/** The held genders that agree with the row's: its own or unknown, and any if the row's is unknown. */
const GENDERS_AGREEING = `case when r.gender = 'not_specified' then enum_range(null::gender) else array[r.gender, 'not_specified'::gender] end`;

/**
 * The blocked candidate pairs of the load's unmatched rows, with their comparison levels, into the temporary table
 * load_pairs — set-based statements, not a query per row. Blocks (each an index on children):
 *  - the same date of birth, a first given name that sounds the same and a gender that agrees (the genders of true
 *    pairs disagree hardly ever: EM puts it at one in 100,000; at 12 M children 9 candidates a row, 11 without it);
 *  - the same date of birth and a family name that sounds the same;
 *  - both names sounding the same in the same postcode district (finds a mistyped date of birth);
 *  - a family name that sounds the same with day and month of birth swapped (a transposed date after a move);
 *  - every shielded child with the same date of birth and a name with the same initial or living in the same district
 *    (of their real address: their searchable postcode is empty), and shielded children whose family name sounds
 *    the same in that district, so that no row resembling a shielded child escapes review. (A shielded child sharing
 *    only the birthday scores far below the shield's margin: at 12 M children there are nine such a row.)
 * A date of birth alone would give some 1,800 candidates a row at 12 M children; each block pairs it with one more key.
 * Records marked "new identity" are never candidates: they are reached only by the source ids registered for them.
 */
export async function buildCandidatePairs({ tx, loadId }: BuildCandidatePairsOptions): Promise<number> {
  await analyzeStagedRows(tx);
  // Each block is a lookup of each staged row in the block's index (inParallelLookups). The shielded children's
  // pairs, a hash join of every shielded child with the rows, come in a second statement.
  const block = (on: string) =>
    `select r.row_number, ${HELD_FIELDS} from source_load_rows r join children c on ${on} and ${COMPARABLE}
     where r.load_id = $1 and r.outcome is null`;
  await inParallelLookups(tx, () =>
    tx.unsafe(
      `create temp table load_candidates on commit drop as
       ${block(`c.given_name_phonetic = r.given_name_phonetic and c.date_of_birth = r.date_of_birth and c.gender = any(${GENDERS_AGREEING})`)}
       union
       ${block('c.family_name_phonetic = r.family_name_phonetic and c.date_of_birth = r.date_of_birth')}
       union
       ${block('c.family_name_phonetic = r.family_name_phonetic and c.postcode_district = r.postcode_district and c.given_name_phonetic = r.given_name_phonetic')}
       union
       ${block(`c.family_name_phonetic = r.family_name_phonetic and c.date_of_birth = ${TRANSPOSED_DOB}`)}`,
      [loadId],
    ),
  );
  await tx.unsafe(
    `insert into load_candidates
     with r as materialized (select * from source_load_rows where load_id = $1 and outcome is null),
     shielded as materialized (
       select ${HELD_FIELDS}, split_part(a.postcode, ' ', 1) as district,
              left(lower(c.given_names), 1) as given_initial, left(lower(c.family_name), 1) as family_initial
       from children c
       left join lateral (
         select ca.address_id from child_addresses ca where ca.child_id = c.id and ca.lived_until is null
         order by ca.lived_from desc nulls last limit 1) ca on true
       left join addresses a on a.id = ca.address_id
       where c.is_shielded and ${COMPARABLE}),
     shielded_pairs as (
       select r.row_number, s.id from r join shielded s on s.date_of_birth = r.date_of_birth
         and (s.given_initial = left(lower(r.given_names), 1) or s.family_initial = left(lower(r.family_name), 1) or s.district = r.postcode_district)
       union
       select r.row_number, s.id from r join shielded s on s.family_name_phonetic = r.family_name_phonetic and s.district = r.postcode_district)
     select p.row_number, s.id, s.is_shielded, s.given_names, s.family_name, s.given_name_phonetic, s.family_name_phonetic,
            s.family_name_phonetic_alt, s.date_of_birth, s.gender, s.cpostcode
     from shielded_pairs p join shielded s on s.id = p.id
     where not exists (select 1 from load_candidates x where x.row_number = p.row_number and x.id = p.id)`,
    [loadId],
  );
  await tx`analyze load_candidates`;
  await comparePairs({ tx, loadId, pairs: 'load_candidates', withFields: true, into: 'load_pairs' });
  const [{ pairs }] = (await tx`select count(*)::int as pairs from load_pairs`) as unknown as [{ pairs: number }];
  return pairs;
}
