import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Everything the app under test (`next start`) writes to stdout and stderr, kept by e2e/support/start-server.ts. */
export const E2E_SERVER_LOG = path.resolve(import.meta.dirname, '..', '..', '.data', 'e2e-server.log');

/** What the app has logged since the run began. */
export function serverLog(): string {
  return readFileSync(E2E_SERVER_LOG, 'utf8');
}
