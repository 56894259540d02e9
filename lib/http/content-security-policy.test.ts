import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './content-security-policy';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('content security policy', () => {
  it('runs only scripts carrying the nonce, and never inline ones without it', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123==', isDevelopment: false });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
  });

  it('allows eval only in development', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', isDevelopment: true }), 'script-src')).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', isDevelopment: false })).not.toContain('unsafe-eval');
  });

  it('makes a different 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, 'base64')).toHaveLength(16);
  });
});
