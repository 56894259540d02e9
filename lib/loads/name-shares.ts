import 'server-only';
import type postgres from 'postgres';

/** Held children sampled for the names' shares: enough to tell a common name from a rare one at 12 million. */
const SAMPLE_CHILDREN = 200_000;

/**
 * The share of held children with each first name and each family name (load_name_shares: kind, name, share and
 * its log2),
 * counted on a sample of them: to weigh an exact name by how common it is, and to tell a typo from another child's
 * name.
 */
export async function countNameShares(tx: postgres.TransactionSql): Promise<void> {
  const [{ tuples }] = (await tx`select greatest(reltuples, 1)::float8 as tuples from pg_class where relname = 'children'`) as unknown as [{ tuples: number }];
  const percent = Math.min(100, (100 * SAMPLE_CHILDREN) / tuples);
  await tx.unsafe(
    `create temp table load_name_shares on commit drop as
     with sample as materialized (
       select lower(split_part(given_names, ' ', 1)) as given, lower(family_name) as family
       from children tablesample system (${percent.toFixed(6)}) repeatable (7) where status = 'live')
     select 'given' as kind, given as name, count(*)::float8 / sum(count(*)) over () as share from sample group by given
     union all
     select 'family', family, count(*)::float8 / sum(count(*)) over () from sample group by family`,
  );
  await tx`alter table load_name_shares add column log2_share float8`;
  await tx`update load_name_shares set log2_share = ln(share) / ln(2)`;
  await tx`create index on load_name_shares (kind, name)`;
  await tx`analyze load_name_shares`;
}
