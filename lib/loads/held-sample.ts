import 'server-only';
import type postgres from 'postgres';
import { LATER_GIVEN_NAMES } from './comparisons';

/** How many children the database holds, as the planner last counted them (at least one). */
export async function childrenHeld(sql: postgres.Sql | postgres.TransactionSql): Promise<number> {
  const [{ tuples }] = (await sql`select greatest(reltuples, 1)::float8 as tuples from pg_class where relname = 'children'`) as unknown as [{ tuples: number }];
  return tuples;
}

/** The TABLESAMPLE SYSTEM percentage of `children` that gives about `wanted` of them (all, in a small database). */
export async function childrenSamplePercent(sql: postgres.Sql | postgres.TransactionSql, wanted: number): Promise<string> {
  return Math.min(100, (100 * wanted) / (await childrenHeld(sql))).toFixed(6);
}

/** Held children sampled for value frequencies: enough to tell a common name from a rare one at 12 million. */
const SAMPLE_CHILDREN = 200_000;

/**
 * Some 200,000 held children's comparison keys (load_held_sample: given, middle, family, dob, postcode, district), taken once
 * in the transaction however many steps count value frequencies on it (measureAgreementRates, countNameShares).
 */
export async function sampleHeldChildren(tx: postgres.TransactionSql): Promise<void> {
  const percent = await childrenSamplePercent(tx, SAMPLE_CHILDREN);
  await tx.unsafe(
    `create temp table if not exists load_held_sample on commit drop as
     select lower(split_part(given_names, ' ', 1)) as given, nullif(split_part(${LATER_GIVEN_NAMES('given_names')}, ' ', 1), '') as middle,
            lower(family_name) as family, date_of_birth as dob, postcode, postcode_district as district
     from children tablesample system (${percent}) repeatable (7)
     where status = 'live' and not is_new_identity`,
  );
}
