/**
 * The page's Content Security Policy, for one response. Scripts run only if they carry this response's nonce, or
 * were loaded by one that does ('strict-dynamic': Next.js and GOV.UK Frontend load their chunks from a nonce'd
 * script). 'self' stays as the fallback for browsers without CSP level 3, which ignore 'strict-dynamic'.
 */
export function contentSecurityPolicy({ nonce, isDevelopment }: { nonce: string; isDevelopment: boolean }): string {
  return [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    // Styles keep 'unsafe-inline': React writes style attributes (Next.js's route announcer, GOV.UK Frontend's
    // components set element styles too), and an attribute cannot carry a nonce; a nonce here would also switch
    // 'unsafe-inline' off. Injected CSS cannot run code, and with img-src, font-src and connect-src limited to
    // 'self' it cannot send anything elsewhere.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
