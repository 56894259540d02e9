// The demo accounts' shared secrets, kept apart from the code that writes accounts so that tests in a browser
// runner can read them without pulling in server-only modules.
import { createHash } from 'node:crypto';
import { base32 } from '@scure/base';

/** Shown in README.md. For the demonstration only: a real deployment has no shared passwords. */
export const DEMO_PASSWORD = 'correct-horse-battery-staple-42';
export const DEMO_PIN = '246810';

/**
 * The demo accounts' security-token secrets are derived from their user names, so that README can print them for an
 * authenticator app and `npm run cli -- totp <user>` can show the current code even while the demo is running.
 */
export function demoTotpSecret(username: string): string {
  return base32.encode(createHash('sha256').update(`childrens-index demo token ${username}`).digest().subarray(0, 20));
}

/** The demo system client's API key (README): derived like the tokens, so it is the same in every demo database. */
export function demoApiClient(): { id: string; secret: string; key: string } {
  const digest = createHash('sha256').update('childrens-index demo api client').digest('hex');
  const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  const secret = createHash('sha256').update('childrens-index demo api secret').digest('base64url');
  return { id, secret, key: `ci_${id}_${secret}` };
}
