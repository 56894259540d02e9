import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpUri } from './totp';

describe('security token codes', () => {
  it('accepts the current code once, and refuses it the second time', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const first = await checkTotp(secret, code, null);
    expect(first.valid).toBe(true);
    if (!first.valid) return;
    expect(await checkTotp(secret, code, first.timeStep)).toEqual({ valid: false });
  });

  it('refuses a wrong code, a code for another secret and text that is not six digits', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await checkTotp(secret, wrong, null)).valid).toBe(false);
    expect((await checkTotp(newTotpSecret(), code, null)).valid).toBe(false);
    expect((await checkTotp(secret, 'abcdef', null)).valid).toBe(false);
    expect((await checkTotp(secret, `${code}1`, null)).valid).toBe(false);
  });

  it('gives authenticator apps an otpauth address with the service as issuer', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'demo.teacher');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(decodeURIComponent(uri)).toContain('Children’s Index');
  });
});
