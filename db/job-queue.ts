import PgBoss from 'pg-boss';
import type { Database } from './index';
import { jobQueueSql } from './job-queue-sql';

/** pg-boss keeps its tables in a schema of its own, created and upgraded with the rest of the database. */
export const JOB_SCHEMA = 'pgboss';

/**
 * The queues and how each retries. An email is retried for about four hours (15 s doubling, ten times) before the
 * sweep (every 15 minutes) is its last resort. Retention runs once a day, one run at a time.
 */
export const JOB_QUEUES = {
  deliverEmail: { name: 'deliver-email', retryLimit: 10, retryDelay: 15, retryBackoff: true, expireInSeconds: 120 },
  sweepEmail: { name: 'sweep-email', retryLimit: 0, expireInSeconds: 600 },
  // Daily; a failed run changes nothing (one transaction) and is tried again within the hour.
  retention: { name: 'retention', policy: 'singleton', retryLimit: 3, retryDelay: 900, expireInSeconds: 3600 },
  // Hourly; each run looks again at the last few hours, so a missed run loses nothing (alerts are raised once).
  misuseAlerts: { name: 'misuse-alerts', policy: 'singleton', retryLimit: 2, retryDelay: 300, expireInSeconds: 1800 },
  // Daily: the audit trail's monthly partitions a few months ahead.
  auditPartitions: { name: 'audit-partitions', retryLimit: 3, retryDelay: 600, expireInSeconds: 600 },
  // Hourly and at the worker's start: the chain heads, signed, appended to the anchor log (lib/audit/anchor-audit-heads.ts).
  auditAnchor: { name: 'audit-anchor', policy: 'singleton', retryLimit: 3, retryDelay: 300, expireInSeconds: 600 },
  // Matching and applying one load sent through the API; resumable, so a retry goes on where the failure stopped it.
  // 'short' with the load's id as singletonKey keeps one job of a load waiting at most; a session advisory lock
  // (lib/loads/with-load-lock.ts), not pg-boss's singleton gate, keeps two from working it at once: the gate would
  // leave a killed server's job "active" until it expires, the lock goes with the dead connection. Retried from a
  // minute, doubling, six times (about an hour); then the sweep tries again. A 200 MiB file on a 12 M index takes
  // tens of minutes on a busy machine: expiry at two hours (a job expired while still working leaves the lock held,
  // so its retry finds the load busy and leaves it be).
  finishLoad: { name: 'finish-load', policy: 'short', retryLimit: 6, retryDelay: 60, retryBackoff: true, expireInSeconds: 2 * 3600 },
  // Checking an upload's stored file and staging it (lib/loads/check-upload.ts); one transaction, so a retry starts
  // it again from the first byte. Minutes for a 200 MiB file.
  checkUpload: { name: 'check-upload', policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
  // Every ten minutes and at the worker's start: loads left unfinished with nobody working them (a server killed mid-load).
  sweepLoads: { name: 'sweep-loads', retryLimit: 0, expireInSeconds: 600 },
} as const satisfies Record<string, PgBoss.Queue>;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES]['name'];

export type JobQueueSettings = Pick<PgBoss.ConstructorOptions, 'migrate' | 'supervise' | 'schedule' | 'maintenanceIntervalSeconds'>;

/** A pg-boss instance over the application's own database client. */
export function openJobQueue(db: Database, settings: JobQueueSettings): PgBoss {
  return new PgBoss({ db: jobQueueSql(db), schema: JOB_SCHEMA, ...settings });
}

/** Creates or upgrades pg-boss's tables and the queues above; safe to run again, and in several processes at once. */
export async function installJobQueue(db: Database): Promise<void> {
  const boss = openJobQueue(db, { migrate: true, supervise: false, schedule: false });
  await boss.start();
  try {
    for (const queue of Object.values(JOB_QUEUES)) {
      await boss.createQueue(queue.name, queue);
      await boss.updateQueue(queue.name, queue); // a changed retry policy takes effect on the next start
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}
