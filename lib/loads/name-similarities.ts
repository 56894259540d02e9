import 'server-only';
import { once } from 'node:events';
import type postgres from 'postgres';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { CopyTextBuffer } from '@/db/seed/bulk-writer';

const ROWS_PER_WRITE = 5_000;

/**
 * Fills the temporary table load_name_similarity (a, b, similarity) with the Jaro–Winkler similarity of every pair of
 * names `namePairsSql` selects (columns a, b) that it does not hold yet. PostgreSQL has no Jaro–Winkler: a plpgsql one
 * cost some 10 µs a call, so the distinct pairs are compared here instead (under 1 µs each) and COPYed back, and the
 * comparisons join the table. Names repeat, so there are far fewer distinct pairs than candidate pairs.
 */
export async function fillNameSimilarities(tx: postgres.TransactionSql, namePairsSql: string, params: unknown[]): Promise<number> {
  await tx`create temp table if not exists load_name_similarity (a text, b text, similarity float8 not null, primary key (a, b)) on commit drop`;
  const pairs = (await tx
    .unsafe(
      `select distinct p.a, p.b from (${namePairsSql}) p
       where not exists (select 1 from load_name_similarity s where s.a = p.a and s.b = p.b)`,
      params as never[],
    )
    .values()) as unknown as [string, string][];
  if (pairs.length === 0) return 0;
  const copy = tx`copy load_name_similarity (a, b, similarity) from stdin`;
  const stream = await copy.writable();
  let buffer = new CopyTextBuffer();
  for (const [a, b] of pairs) {
    buffer.write([a, b, jaroWinkler(a, b)]);
    if (buffer.rows >= ROWS_PER_WRITE) {
      if (!stream.write(buffer.take())) await once(stream, 'drain');
      buffer = new CopyTextBuffer();
    }
  }
  if (buffer.rows > 0) stream.write(buffer.take());
  stream.end();
  await once(stream, 'finish');
  await copy;
  await tx`analyze load_name_similarity`;
  return pairs.length;
}
