import 'server-only';
import { getDb } from '@/db';
import { deliverQueuedEmail } from './deliver-queued-email';

/**
 * Tries to send what is queued straight after a change commits. A failure only logs: the message stays in the
 * outbox and the next delivery retries it.
 */
export async function deliverSoon(): Promise<void> {
  try {
    const { failed } = await deliverQueuedEmail({ db: await getDb() });
    if (failed) console.warn('Email delivery failed; the message stays queued for retry.');
  } catch (error) {
    console.error('Email delivery error:', error instanceof Error ? error.message : 'unknown error');
  }
}
