import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { type Leavers, archiveLeavers } from './archive-leavers';
import { purgeArchived } from './purge-archived';

export type RetentionReport = {
  today: string;
  dryRun: boolean;
  left: Leavers;
  purged: string[];
  counts: { leftAt18: number; leftAt25: number; leftAfterDeath: number; purged: number };
};

export type RunRetentionOptions = { db: Database; today: string; dryRun?: boolean };

/**
 * One run of the retention rules for the date given: records whose time on the live index is up go to the archive,
 * and archived records whose time is up are purged. All in one transaction, so a run that fails changes nothing and
 * the next one does the whole work; a second run on the same day finds nothing left to do. The report (counts and
 * record ids, never names) is kept as the run's audit event; a dry run reports what a run would do and changes nothing.
 */
export async function runRetention({ db, today, dryRun = false }: RunRetentionOptions): Promise<RetentionReport> {
  return db.transaction(async (tx) => {
    const left = await archiveLeavers({ db: tx, today, dryRun });
    const purged = await purgeArchived({ db: tx, today, dryRun });
    const counts = { leftAt18: left.at18.length, leftAt25: left.at25.length, leftAfterDeath: left.afterDeath.length, purged: purged.length };
    await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'system',
        action: dryRun ? 'retention.dry_run' : 'retention.run',
        query: { today, counts, left, purged },
        // Left out for the purged: the trail must not tie them to anything but their record id in the report.
        childIds: [...left.at18, ...left.at25, ...left.afterDeath],
      },
    });
    return { today, dryRun, left, purged, counts };
  });
}
