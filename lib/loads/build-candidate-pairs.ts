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
 *  - a family name that sounds the same with day and month of birth swapped (a transposed date after a move).
 * Whether a row resembles a shielded or new-identity child is not decided here but by the search's own rule, over
 * every protected child (holdProtectedResemblances).
 * A date of birth alone would give some 1,800 candidates a row at 12 M children; each block pairs it with one more key.
 * Records marked "new identity" are never candidates: they are reached only by the source ids registered for them.
 */
export async function buildCandidatePairs({ tx, loadId }: BuildCandidatePairsOptions): Promise<number> {
  await analyzeStagedRows(tx);
  // Each block is a lookup of each staged row in the block's index (inParallelLookups).
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
  await tx`analyze load_candidates`;
  await comparePairs({ tx, loadId, pairs: 'load_candidates', withFields: true, into: 'load_pairs' });
  const [{ pairs }] = (await tx`select count(*)::int as pairs from load_pairs`) as unknown as [{ pairs: number }];
  return pairs;
}
