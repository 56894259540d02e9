import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { emailOutbox, printedLetters } from '@/db/schema';
import type { SendEmail } from './transport';

export type DeliverEmailOptions = { db: Database; outboxId: string; send: SendEmail };

export type DeliveryOutcome = 'sent' | 'already_sent' | 'failed';

/**
 * Sends one message of the outbox. The row is locked while it is sent, so a second deliverer of the same message
 * waits and then finds it sent. A failure is recorded on the row (attempts, error) and reported as 'failed'.
 */
export async function deliverEmail({ db, outboxId, send }: DeliverEmailOptions): Promise<DeliveryOutcome> {
  return db.transaction(async (tx) => {
    const [message] = await tx.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId)).for('update');
    if (!message || message.sentAt) return 'already_sent';
    try {
      const [letter] = message.attachmentLetterId
        ? await tx.select({ pdf: printedLetters.pdf }).from(printedLetters).where(eq(printedLetters.id, message.attachmentLetterId))
        : [];
      const attachments = letter ? [{ filename: 'letter.pdf', contentType: 'application/pdf', content: letter.pdf }] : undefined;
      await send({ to: message.toAddress, subject: message.subject, text: message.body, attachments });
      await tx.update(emailOutbox).set({ sentAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1`, lastError: null }).where(eq(emailOutbox.id, message.id));
      return 'sent';
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      await tx.update(emailOutbox).set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: reason }).where(eq(emailOutbox.id, message.id));
      return 'failed';
    }
  });
}
