import 'server-only';
import type postgres from 'postgres';
import { sampleHeldChildren } from './held-sample';

/**
 * The share of held children with each first name and each family name (load_name_shares: kind, name, share and
 * its log2), counted on the sample of them (sampleHeldChildren): to weigh an exact name by how common it is, and to
 * tell a typo from another child's name.
 */
export async function countNameShares(tx: postgres.TransactionSql): Promise<void> {
  await sampleHeldChildren(tx);
  await tx.unsafe(
    `create temp table load_name_shares on commit drop as
     select 'given' as kind, given as name, count(*)::float8 / sum(count(*)) over () as share from load_held_sample group by given
     union all
     select 'family', family, count(*)::float8 / sum(count(*)) over () from load_held_sample group by family`,
  );
  await tx`alter table load_name_shares add column log2_share float8`;
  await tx`update load_name_shares set log2_share = ln(share) / ln(2)`;
  await tx`create index on load_name_shares (kind, name)`;
  await tx`analyze load_name_shares`;
}
