import 'server-only';
import { generateSecret, generateURI, verify } from 'otplib';

/** Security tokens: RFC 6238 time-based codes (6 digits, 30 seconds, SHA-1: what authenticator apps use). */
export const TOTP_ISSUER = 'Children’s Index';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Checks a code, allowing one step of clock drift either way. A code from a time step at or before
 * `lastTimeStep` is refused even if correct: a code can be used once only.
 */
export async function checkTotp(secret: string, code: string, lastTimeStep: number | null): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid && 'timeStep' in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}
