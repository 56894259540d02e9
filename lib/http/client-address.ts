import 'server-only';
import { isIP } from 'node:net';
import { env } from '@/lib/env.js';

/**
 * The caller's address for throttling and the audit trail. The web server (server.js) appends the socket's address to
 * X-Forwarded-For, so the right-most entry is always true; each trusted proxy in front of it appended the address it
 * was connected from, so the client is `trustedProxyHops` entries further left. Whatever a client wrote further left
 * still is never read. Null when the entry is not an address.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number = env.TRUSTED_PROXY_HOPS): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim());
  // Fewer entries than hops: no proxy wrote one (a direct connection), and the left-most is the socket's.
  const entry = entries[Math.max(0, entries.length - 1 - trustedProxyHops)] ?? '';
  const address = entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(address) ? address : null;
}
