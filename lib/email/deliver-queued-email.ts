import 'server-only';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { emailOutbox, printedLetters } from '@/db/schema';
import { emailTransport, type SendEmail } from './transport';

export const MAX_ATTEMPTS = 20;

export type DeliverQueuedEmailOptions = { db: Database; send?: SendEmail; limit?: number };

/**
 * Sends what is waiting in the outbox. A message that fails stays queued with the error, to be tried again on the
 * next delivery; each row is claimed with SKIP LOCKED so that two deliverers never send the same message twice.
 */
export async function deliverQueuedEmail({ db, send = emailTransport(), limit = 50 }: DeliverQueuedEmailOptions) {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(emailOutbox)
        .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(emailOutbox.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!message) return 'empty' as const;
      try {
        const [letter] = message.attachmentLetterId
          ? await tx.select({ pdf: printedLetters.pdf }).from(printedLetters).where(eq(printedLetters.id, message.attachmentLetterId))
          : [];
        const attachments = letter ? [{ filename: 'letter.pdf', contentType: 'application/pdf', content: letter.pdf }] : undefined;
        await send({ to: message.toAddress, subject: message.subject, text: message.body, attachments });
        await tx.update(emailOutbox).set({ sentAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1` }).where(eq(emailOutbox.id, message.id));
        return 'sent' as const;
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
        await tx.update(emailOutbox).set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: reason }).where(eq(emailOutbox.id, message.id));
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent += 1;
    else {
      failed += 1;
      break; // the server is probably down: stop, and let the next delivery try again
    }
  }
  return { sent, failed };
}
