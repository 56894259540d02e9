import 'server-only';
import { type Database, isEmbedded } from '@/db';
import type { LoadWeights } from '@/db/schema';
import { buildCandidatePairs } from './build-candidate-pairs';
import { decideMatches } from './decide-matches';
import { findProtectedResemblances } from './hold-protected-resemblances';
import { type MatchStep } from './match-steps';
import { resolveMatchWeights } from './resolve-match-weights';

export type MatchLoadOptions = {
  db: Database;
  loadId: string;
  /** Weights to use instead of estimating or borrowing them (the benchmark's threshold sweep; tests). */
  weights?: LoadWeights;
  /** Thresholds to decide with instead of MATCH_THRESHOLDS' (the benchmark, to see what moving them trades). */
  thresholds?: Partial<Pick<LoadWeights, 'upper' | 'lower'>>;
};

/**
 * Matches a staged load in one transaction: first by the source's own person id (a person it sent before), then by
 * Fellegi–Sunter record linkage over blocked candidate pairs, all in SQL. Commits the decisions with the load's move
 * to "matched"; a load killed here is matched again from scratch on the rerun. Does nothing to a load past staging.
 */
export async function matchLoad({ db, loadId, weights: given, thresholds }: MatchLoadOptions): Promise<void> {
  const [staged] = await db.$client<{ status: string }[]>`select status from source_loads where id = ${loadId}`;
  if (!staged || staged.status !== 'staged') return;
  // Each step as it starts, on a connection of its own so that it shows while the transaction runs; the embedded
  // database's one connection is the transaction's, so there the bar waits for the end of matching.
  const reachStep = async (step: MatchStep) => {
    if (isEmbedded(db)) return;
    await db.$client`
      insert into load_match_progress (load_id, step) values (${loadId}, ${step})
      on conflict (load_id) do update set step = excluded.step, updated_at = now()`;
  };
  await reachStep('protected_children');
  // Read before the transaction (the embedded database has one connection) and compared while PostgreSQL matches.
  const resemblances = await findProtectedResemblances(db.$client, loadId);
  await reachStep('source_ids');
  await db.$client.begin(async (tx) => {
    const [load] = await tx<{ status: string; sourceSystemId: string }[]>`
      select status, source_system_id as "sourceSystemId" from source_loads where id = ${loadId} for update`;
    if (!load || load.status !== 'staged') return;
    // The default (4) prices a page read as on a spinning disk: then looking up some thousands of children by id
    // costs more than reading all 12 million, and the planner scans them for every step.
    await tx`set local random_page_cost = 1.1`;
    // Sorting and hashing some millions of candidate pairs: in memory, not in temporary files (the default is 4 MB).
    await tx`set local work_mem = '256MB'`;
    // JIT is off: the row counts of temporary tables and jsonb_to_recordset are guessed high, so PostgreSQL compiled
    // statements that then run in a second or two, for up to 2.8 s each (auto_explain at 1 M children).
    await tx`set local jit = off`;
    await tx`
      update source_load_rows r set outcome = 'source_id', child_id = coalesce(c.merged_into_id, c.id)
      from source_identities si join children c on c.id = si.child_id
      where r.load_id = ${loadId} and r.outcome is null
        and si.source_system_id = ${load.sourceSystemId} and si.source_person_id = r.source_person_id`;
    await reachStep('candidate_pairs');
    const pairs = await buildCandidatePairs({ tx, loadId });
    await reachStep('weights');
    const resolved = { ...(given ?? (await resolveMatchWeights({ tx, loadId, pairs }))), ...thresholds };
    await reachStep('decisions');
    const weights = await decideMatches({ tx, loadId, sourceSystemId: load.sourceSystemId, weights: resolved, resemblances });
    await tx`
      update source_loads set status = 'matched', weights = ${JSON.stringify(weights)}::jsonb, updated_at = now(),
        counts = counts || (select jsonb_build_object(
          'bySourceId', count(*) filter (where outcome = 'source_id'),
          'linked', count(*) filter (where outcome = 'linked'),
          'review', count(*) filter (where outcome = 'review'),
          'created', count(*) filter (where outcome = 'new'))
          from source_load_rows where load_id = ${loadId})
      where id = ${loadId}`;
    await tx`delete from load_match_progress where load_id = ${loadId}`;
  });
}
