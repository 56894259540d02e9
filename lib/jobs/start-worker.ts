import 'server-only';
import type PgBoss from 'pg-boss';
import type { Database } from '@/db';
import { JOB_QUEUES, openJobQueue } from '@/db/job-queue';
import { anchorAuditHeads } from '@/lib/audit/anchor-audit-heads';
import { type AnchorKey, anchorKey, anchorLogPath } from '@/lib/audit/anchor-key.js';
import { ensureAuditPartitions } from '@/lib/audit/ensure-audit-partitions';
import { deliverEmail } from '@/lib/email/deliver-email';
import { deliverQueuedEmail } from '@/lib/email/deliver-queued-email';
import type { DeliverEmailJob } from '@/lib/email/queue-email';
import { emailTransport, type SendEmail } from '@/lib/email/transport';
import { todayInLondon } from '@/lib/kernel/dates';
import { checkUpload, type CheckUploadJob } from '@/lib/loads/check-upload';
import { finishLoad } from '@/lib/loads/finish-load';
import type { FinishLoadJob } from '@/lib/loads/queue-finish-load';
import { queueUnfinishedLoads } from '@/lib/loads/queue-unfinished-loads';
import { sweepUploads } from '@/lib/loads/sweep-uploads';
import { detectMisuse } from '@/lib/oversight/detect-misuse';
import { misuseThresholds } from '@/lib/oversight/misuse-thresholds';
import { runRetention } from '@/lib/retention/run-retention';

export type StartWorkerOptions = {
  db: Database;
  send?: SendEmail;
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds?: number;
  /** The key that signs the audit trail's anchors, read when an anchoring runs. */
  auditAnchorKey?: () => AnchorKey;
  auditAnchorLog?: string;
};

export type Worker = { boss: PgBoss; stop: () => Promise<void> };

const SWEEP_EVERY_MINUTES = 15;
const LOAD_SWEEP_EVERY_MINUTES = 10;

/** A retention job normally runs for today in England; one sent by hand may name the day. */
export type RetentionJob = { today?: string };

const HOUR_MS = 3_600_000;
/** Each hourly look at the audit trail covers the last three full hours. */
const MISUSE_HOURS_LOOKED_AT = 3;

/**
 * Works the job queue: email deliveries as they are queued, the scheduled sweep of the outbox, retention every night,
 * the look for misuse every hour, the audit trail's partitions every day and its anchors every hour, and source loads
 * sent through the API (their files checked and staged, then matched and applied one at a time, with a sweep at start
 * and every ten minutes for any left unfinished).
 */
export async function startWorker({ db, send = emailTransport(), pollingIntervalSeconds = 1, auditAnchorKey = anchorKey, auditAnchorLog = anchorLogPath() }: StartWorkerOptions): Promise<Worker> {
  const boss = openJobQueue(db, { migrate: false, supervise: true, schedule: true });
  // Messages only: an error from the queue may quote a job's data.
  boss.on('error', (error) => console.error('Job queue error:', error.message));
  await boss.start();

  await boss.work<DeliverEmailJob>(JOB_QUEUES.deliverEmail.name, { pollingIntervalSeconds }, async ([job]) => {
    const outcome = await deliverEmail({ db, outboxId: job!.data.outboxId, send });
    // Throwing hands the job back to pg-boss, which tries again later with a growing delay.
    if (outcome === 'failed') throw new Error(`Email ${job!.data.outboxId} was not accepted by the mail server`);
  });

  await boss.schedule(JOB_QUEUES.sweepEmail.name, `*/${SWEEP_EVERY_MINUTES} * * * *`);
  await boss.work(JOB_QUEUES.sweepEmail.name, { pollingIntervalSeconds: 30 }, async () => {
    await deliverQueuedEmail({ db, send, olderThanMinutes: SWEEP_EVERY_MINUTES });
  });

  // At half past two in England, when the index is quietest.
  await boss.schedule(JOB_QUEUES.retention.name, '30 2 * * *', {}, { tz: 'Europe/London' });
  await boss.work<RetentionJob>(JOB_QUEUES.retention.name, { pollingIntervalSeconds }, async ([job]) => {
    const report = await runRetention({ db, today: job!.data.today ?? todayInLondon() });
    console.log(`Retention for ${report.today}: ${JSON.stringify(report.counts)}`);
  });

  await boss.schedule(JOB_QUEUES.misuseAlerts.name, '5 * * * *');
  await boss.work(JOB_QUEUES.misuseAlerts.name, { pollingIntervalSeconds: 30 }, async () => {
    const thisHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    let raised = 0;
    for (let back = MISUSE_HOURS_LOOKED_AT; back >= 1; back--) {
      raised += (await detectMisuse({ db, windowStart: new Date(thisHour - back * HOUR_MS), thresholds: misuseThresholds() })).length;
    }
    if (raised) console.log(`Unusual use: ${raised} new alert${raised === 1 ? '' : 's'} for the index teams`);
  });

  await boss.schedule(JOB_QUEUES.auditPartitions.name, '17 3 * * *');
  await boss.work(JOB_QUEUES.auditPartitions.name, { pollingIntervalSeconds: 60 }, async () => {
    await ensureAuditPartitions({ db });
  });

  await boss.send(JOB_QUEUES.auditAnchor.name, {});
  await boss.schedule(JOB_QUEUES.auditAnchor.name, '11 * * * *');
  await boss.work(JOB_QUEUES.auditAnchor.name, { pollingIntervalSeconds: 30 }, async () => {
    await anchorAuditHeads({ db, key: auditAnchorKey(), logPath: auditAnchorLog });
  });

  // Loads: ids and counts in the log, never a row's content.
  await boss.work<FinishLoadJob>(JOB_QUEUES.finishLoad.name, { pollingIntervalSeconds }, async ([job]) => {
    const { loadId } = job!.data;
    const started = Date.now();
    try {
      const outcome = await finishLoad({ db, loadId });
      if (outcome.busy) {
        console.log(`Load ${loadId}: another process is working it`);
        return;
      }
      if (outcome.gone) {
        console.log(`Load ${loadId}: no such load any more, nothing to finish`);
        return;
      }
      const c = outcome.counts;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`Load ${loadId} done in ${seconds} s: ${c.rows} rows, ${c.rejected} rejected, ${c.bySourceId + c.linked} linked, ${c.review} to review, ${c.created} new, ${c.updated} changed`);
    } catch (error) {
      // Thrown on, so that pg-boss tries again later with a growing delay; the load goes on where it stopped.
      console.error(`Load ${loadId} stopped (${error instanceof Error ? error.name : 'unknown error'}); it will be tried again`);
      throw error;
    }
  });

  // Uploads: their files checked and staged here, off the request that received them (lib/loads/check-upload.ts).
  await boss.work<CheckUploadJob>(JOB_QUEUES.checkUpload.name, { pollingIntervalSeconds }, async ([job]) => {
    const { uploadId } = job!.data;
    const outcome = await checkUpload({ db, uploadId });
    if (outcome !== 'not_waiting') console.log(`Upload ${uploadId}: ${outcome}`);
  });

  // Sent before its worker starts, so that its first look (straight away) finds the loads a killed server left.
  await boss.send(JOB_QUEUES.sweepLoads.name, {});
  await boss.schedule(JOB_QUEUES.sweepLoads.name, `*/${LOAD_SWEEP_EVERY_MINUTES} * * * *`);
  await boss.work(JOB_QUEUES.sweepLoads.name, { pollingIntervalSeconds: 30 }, async () => {
    const queued = await queueUnfinishedLoads({ db });
    if (queued.length) console.log(`Loads left unfinished, queued again: ${queued.join(', ')}`);
    const uploads = await sweepUploads({ db });
    if (uploads.stalled || uploads.queued) console.log(`Uploads: ${uploads.stalled} stopped arriving, ${uploads.queued} queued again for their check`);
  });

  return { boss, stop: () => boss.stop({ graceful: true, close: false, timeout: 10_000 }) };
}
