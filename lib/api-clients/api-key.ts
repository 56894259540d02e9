import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ZRecordId } from '@/lib/validation/record-id';

const KEY = /^ci_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export const hashApiSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newApiSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** "ci_<client id>_<secret>": the id finds the client, the secret proves it. */
export function formatApiKey(clientId: string, secret: string): string {
  return `ci_${clientId}_${secret}`;
}

export function parseApiKey(key: string): { clientId: string; secret: string } | null {
  const match = KEY.exec(key.trim());
  // The id must be a real uuid ("ci_" and 36 hyphens matches KEY): PostgreSQL would refuse anything else with an error.
  return match && ZRecordId.safeParse(match[1]).success ? { clientId: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
