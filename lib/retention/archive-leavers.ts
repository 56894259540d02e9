import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { writeRecordVersion } from '@/lib/kernel/write-record-version';
import { idArray } from '@/lib/kernel/id-array';
import { anniversary, latestBirthDate, RETENTION } from './retention-rules';

export type Leavers = { at18: string[]; at25: string[]; afterDeath: string[] };

export type ArchiveLeaversOptions = { db: DbOrTx; today: string; dryRun: boolean };

/**
 * Takes out of the live index every record whose time is up today: at 18, at 25 for a young person whose request to
 * stay on was approved, or a year after a recorded death — whichever comes first. They go to the archive (readable by
 * the index team only) until their purge date. Merged-away duplicates go with the record they were merged into.
 * Running it again the same day finds nobody: only live records are looked at.
 */
export async function archiveLeavers({ db, today, dryRun }: ArchiveLeaversOptions): Promise<Leavers> {
  const adult = latestBirthDate(today, RETENTION.leaveAtAge);
  const deathBefore = latestBirthDate(today, RETENTION.yearsAfterDeath);
  const purgeOn = anniversary(today, RETENTION.yearsInArchive);
  const due = await db.execute<{ id: string; rule: 'after_death' | 'at_25' | 'at_18' }>(sql`
    select id, case when date_of_death <= ${deathBefore}::date then 'after_death'
                    when stay_on_until is not null then 'at_25' else 'at_18' end as rule
    from children
    where status = 'live'
      and ((date_of_birth <= ${adult}::date and (stay_on_until is null or stay_on_until <= ${today}::date))
           or date_of_death <= ${deathBefore}::date)
    for update`);
  const of = (rule: string) => due.filter((r) => r.rule === rule).map((r) => r.id);
  const leavers: Leavers = { at18: of('at_18'), at25: of('at_25'), afterDeath: of('after_death') };
  if (dryRun) return leavers;
  for (const [ids, reason] of [
    [leavers.at18, 'Left the live index at 18'],
    [leavers.at25, 'Left the live index at 25, as the young person had asked'],
    [leavers.afterDeath, 'Left the live index a year after the child’s death'],
  ] as const) {
    if (ids.length === 0) continue;
    // Each record that leaves, and every duplicate merged into it, gets a version saying why, by the one writer of
    // versions: a night's leavers are about 1,800 at 12 M children (12 M / 18 years / 365 days), some 6 s through the
    // writer (308 versions/s, measured 2026-12-08 on the 2-core machine), so set-based SQL would save seconds a night
    // and be a second way of writing a version.
    const archived = await db.execute<{ id: string }>(sql`
      update children set status = 'archived', archived_at = now(), purge_on = ${purgeOn}::date, updated_at = now()
      where id = any(${idArray(ids)}) or (status = 'merged' and merged_into_id = any(${idArray(ids)}))
      returning id`);
    for (const { id } of archived) {
      await writeRecordVersion({ db, childId: id, changedByStaffId: null, reason, changes: [{ item: 'child', itemId: id, field: 'status', before: 'live', after: 'archived' }] });
    }
  }
  return leavers;
}
