import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReceivedEmail } from '@/testing/smtp-listener';

export const E2E_MAIL_DIR = path.resolve(import.meta.dirname, '..', '..', '.data', 'e2e-mail');

/** Every email the app has sent during this e2e run, oldest first. */
export function receivedEmails(): ReceivedEmail[] {
  return readdirSync(E2E_MAIL_DIR)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, file), 'utf8')) as ReceivedEmail);
}

/**
 * Every email sent so far, once delivery has gone quiet: mail leaves through the job queue a moment after the change
 * that queued it (its worker looks every second), so a test that expects no email must wait for that moment to pass.
 */
export async function emailsOnceSettled(quietMs = 3_000): Promise<ReceivedEmail[]> {
  let count = receivedEmails().length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = receivedEmails().length;
    if (now !== count) {
      count = now;
      quietSince = Date.now();
    }
  }
  return receivedEmails();
}
