import 'server-only';
import type { Database } from '@/db';
import { resolveMergedRecord } from '@/lib/records/resolve-merged-record';
import { childDetailsById, type ShownDetails, shownOf } from './child-details';

/** A child the search ranked, with what is shown of them (read with the block, or after following a merge). */
export type Ranked = { childId: string; merged: boolean; score: number; reasons: string[]; shown: ShownDetails };

/**
 * A merged-away record is answered with the record it was merged into (however many merges away, never round a
 * loop), once, at its best score; a record whose chain leads nowhere live is left out.
 */
export async function followMerges(db: Database, ranked: Ranked[]): Promise<Ranked[]> {
  const kept = new Map<string, Ranked>();
  for (const entry of ranked) {
    let { childId, shown, reasons } = entry;
    if (entry.merged) {
      const targetId = await resolveMergedRecord({ db, childId });
      const target = targetId ? await childDetailsById(db, targetId) : null;
      if (!target) continue;
      childId = target.childId;
      shown = shownOf(target);
      reasons = [...reasons, 'found through a record merged into this one'];
    }
    const earlier = kept.get(childId);
    if (!earlier || earlier.score < entry.score) kept.set(childId, { childId, merged: false, score: entry.score, reasons, shown });
  }
  return [...kept.values()].sort((a, b) => b.score - a.score);
}
