import { env } from '@/lib/env.js';

/**
 * An absolute address on this service, for a link in an email or a letter. Always from APP_URL, never from the
 * request: its Host and X-Forwarded-Host are whatever the client sent.
 */
export function appUrl(path: `/${string}`): string {
  if (!env.APP_URL) throw new Error('APP_URL is not set: a link to the service needs its public address');
  return new URL(path, env.APP_URL).toString();
}
