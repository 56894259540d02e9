import 'server-only';
import { and, asc, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { emailOutbox } from '@/db/schema';
import { deliverEmail } from './deliver-email';
import { emailTransport, type SendEmail } from './transport';

export const MAX_ATTEMPTS = 20;

export type DeliverQueuedEmailOptions = {
  db: Database;
  send?: SendEmail;
  limit?: number;
  /** Leave younger messages to their own delivery job. */
  olderThanMinutes?: number;
};

/**
 * The sweep: sends whatever is still waiting in the outbox, oldest first — messages whose delivery job ran out of
 * retries, or that were queued before there was a job queue. Stops at the first failure (the server is probably
 * down) and leaves the rest for the next sweep.
 */
export async function deliverQueuedEmail({ db, send = emailTransport(), limit = 50, olderThanMinutes = 0 }: DeliverQueuedEmailOptions) {
  const waiting = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        isNull(emailOutbox.sentAt),
        lt(emailOutbox.attempts, MAX_ATTEMPTS),
        lt(emailOutbox.createdAt, sql`now() - make_interval(mins => ${olderThanMinutes})`),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt))
    .limit(limit);
  let sent = 0;
  let failed = 0;
  for (const { id } of waiting) {
    const outcome = await deliverEmail({ db, outboxId: id, send });
    if (outcome === 'sent') sent += 1;
    if (outcome === 'failed') {
      failed += 1;
      break;
    }
  }
  return { sent, failed };
}
