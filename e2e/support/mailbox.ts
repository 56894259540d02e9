import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReceivedEmail } from '@/lib/testing/smtp-listener';

export const E2E_MAIL_DIR = path.resolve(import.meta.dirname, '..', '..', '.data', 'e2e-mail');

/** Every email the app has sent during this e2e run, oldest first. */
export function receivedEmails(): ReceivedEmail[] {
  return readdirSync(E2E_MAIL_DIR)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, file), 'utf8')) as ReceivedEmail);
}
