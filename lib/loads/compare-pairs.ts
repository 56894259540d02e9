import 'server-only';
import type postgres from 'postgres';
import { COMPARISON_LATERALS, COMPARISON_SQL, namePairsSql } from './comparisons';
import { fillNameSimilarities } from './name-similarities';

/**
 * The held child's fields the comparisons read, from `children c`: its postcode (`cpostcode`) is, for a shielded
 * child, the real one (the searchable one is empty), which only matching reads.
 */
export const HELD_FIELDS = `c.id, c.is_shielded, c.given_names, c.family_name, c.given_name_phonetic, c.family_name_phonetic,
  c.family_name_phonetic_alt, c.date_of_birth, c.gender,
  coalesce(c.postcode, case when c.is_shielded then (
    select a.postcode from child_addresses ca join addresses a on a.id = ca.address_id
    where ca.child_id = c.id and ca.lived_until is null order by ca.lived_from desc nulls last limit 1) end) as cpostcode`;

/** Records marked "new identity" are never compared: they are reached only by the source ids registered for them. */
export const COMPARABLE = `c.status = 'live' and not c.is_new_identity`;

export type ComparePairsOptions = {
  tx: postgres.TransactionSql;
  loadId: string;
  /** A table of pairs: a staged row of the load (row_number) and a held child (child_id, or with `withFields` its HELD_FIELDS). */
  pairs: string;
  /** The pairs table carries the held child's fields already (a comparable child each), rather than only its id. */
  withFields?: boolean;
  /** The temporary table to make: each comparable pair with the child's shield flag and its comparison levels. */
  into: string;
};

/**
 * The comparison levels of each pair: the held children's fields (named as `children` is in the comparisons, `c`),
 * then the names' similarities filled in, then the levels computed in one statement.
 */
export async function comparePairs({ tx, loadId, pairs, withFields = false, into }: ComparePairsOptions): Promise<void> {
  let held = pairs;
  if (!withFields) {
    held = `${into}_held`;
    await tx.unsafe(`
      create temp table ${held} on commit drop as
      select x.row_number, ${HELD_FIELDS}
      from ${pairs} x join children c on c.id = x.child_id
      where ${COMPARABLE}`);
    await tx.unsafe(`analyze ${held}`);
  }
  const from = `from ${held} c join source_load_rows r on r.load_id = $1 and r.row_number = c.row_number`;
  await fillNameSimilarities(tx, namePairsSql(from), [loadId]);
  await tx.unsafe(
    `create temp table ${into} on commit drop as
     select c.row_number, c.id as child_id, c.is_shielded, ${COMPARISON_SQL}
     ${from}
     ${COMPARISON_LATERALS}`,
    [loadId],
  );
  await tx.unsafe(`analyze ${into}`);
}
