import { isIP } from 'node:net';

/**
 * Whether an address is this machine's own (127.0.0.0/8, ::1, or a 127.x address written as IPv6): the one test of
 * "a client on this machine", for what only the person at the machine may see (the demo mailbox).
 */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  if (isIP(address) === 4) return address.startsWith('127.');
  if (isIP(address) !== 6 || !URL.canParse(`http://[${address}]`)) return false;
  // The URL parser writes an IPv6 address one way only: ::1, and ::ffff:7fxx:xxxx for an IPv4-mapped 127.x.
  const host = new URL(`http://[${address}]`).hostname;
  return host === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}
