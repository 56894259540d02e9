import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env.js';
import { FORM_BODY_LIMIT_BYTES } from '@/lib/http/body-limits.js';
import { contentSecurityPolicy, newNonce } from '@/lib/http/content-security-policy';
import { bodyTooLarge } from '@/lib/http/read-json-body';

/**
 * Sets per-request headers only; it decides nothing about access. Every page, action and route handler checks who
 * is asking itself (requireStaff, requireCitizen, requireApiClient), so a request that skipped this proxy (as a forged
 * x-middleware-subrequest once could, CVE-2025-29927) would lose a header, never a check.
 *
 * The nonce goes to Next.js in the request's Content-Security-Policy header (it puts it on its own scripts) and to
 * the root layout in x-nonce (for GOV.UK Frontend's inline script).
 */
export function proxy(request: NextRequest) {
  // Next.js stops a server action's body at serverActions.bodySizeLimit, but answers 500 when it does; a form post
  // that says it is bigger is refused here first, with 413 and a plain message.
  if (Number(request.headers.get('content-length') ?? 0) > FORM_BODY_LIMIT_BYTES) return formTooLarge();
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, isDevelopment: env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  // A page carrying a nonce must never be served twice, and every area but the public pages shows personal data:
  // nothing the app renders or answers is stored by a browser or a proxy. Static files (excluded below) are.
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

function formTooLarge() {
  const response = bodyTooLarge(FORM_BODY_LIMIT_BYTES);
  response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  return response;
}

export const config = {
  // Built scripts and styles, and GOV.UK Frontend's fonts, images and stylesheet from public/, keep their caching.
  // The system clients' JSON API gets its fixed headers from next.config.js: it needs no nonce, and skipping the
  // proxy there is a fifth of the search API's cost (273 → 333–375 searches/s at 12 M, docs/benchmarks.md).
  matcher: ['/((?!_next/static|_next/image|assets/|govuk/|api/v1/).*)'],
};
