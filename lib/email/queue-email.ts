import 'server-only';
import type { DbOrTx } from '@/db';
import { emailOutbox } from '@/db/schema';
import type { OutgoingEmail } from './transport';

export type QueuedEmail = Omit<OutgoingEmail, 'attachments'> & {
  /** A letter in printed_letters whose PDF goes with the message. */
  attachmentLetterId?: string;
};

/** Puts an email in the outbox. Call it inside the transaction that makes the change the email reports. */
export async function queueEmail({ db, email }: { db: DbOrTx; email: QueuedEmail }): Promise<void> {
  await db.insert(emailOutbox).values({ toAddress: email.to, subject: email.subject, body: email.text, attachmentLetterId: email.attachmentLetterId ?? null });
}
