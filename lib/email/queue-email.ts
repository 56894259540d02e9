import 'server-only';
import type { DbOrTx } from '@/db';
import { emailOutbox } from '@/db/schema';
import { enqueueJob, JOB_QUEUES } from '@/lib/kernel/enqueue-job';
import type { OutgoingEmail } from './transport';

export type QueuedEmail = Omit<OutgoingEmail, 'attachments'> & {
  /** A letter in printed_letters whose PDF goes with the message. */
  attachmentLetterId?: string;
};

export type DeliverEmailJob = { outboxId: string };

/**
 * Puts an email in the outbox and a job to deliver it on the queue. Call it inside the transaction that makes the
 * change the email reports: the message is sent if and only if the change is kept.
 */
export async function queueEmail({ db, email }: { db: DbOrTx; email: QueuedEmail }): Promise<void> {
  const [queued] = await db
    .insert(emailOutbox)
    .values({ toAddress: email.to, subject: email.subject, body: email.text, attachmentLetterId: email.attachmentLetterId ?? null })
    .returning({ id: emailOutbox.id });
  await enqueueJob({ db, queue: JOB_QUEUES.deliverEmail.name, data: { outboxId: queued!.id } satisfies DeliverEmailJob });
}
