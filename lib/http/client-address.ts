import 'server-only';

/**
 * The caller's address for throttling and the audit trail: the first X-Forwarded-For entry, which the service's
 * own reverse proxy sets; null when there is none (a direct connection in development).
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded && /^[0-9a-f.:]+$/i.test(forwarded)) return forwarded;
  const real = headers.get('x-real-ip')?.trim();
  return real && /^[0-9a-f.:]+$/i.test(real) ? real : null;
}
