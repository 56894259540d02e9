import 'server-only';
import type { DbOrTx } from '@/db';
import { emailOutbox } from '@/db/schema';
import type { OutgoingEmail } from './transport';

/** Puts an email in the outbox. Call it inside the transaction that makes the change the email reports. */
export async function queueEmail({ db, email }: { db: DbOrTx; email: OutgoingEmail }): Promise<void> {
  await db.insert(emailOutbox).values({ toAddress: email.to, subject: email.subject, body: email.text });
}
