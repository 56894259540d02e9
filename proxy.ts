import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env.js';
import { contentSecurityPolicy, newNonce } from '@/lib/http/content-security-policy';
import { isCrossSiteRequest } from '@/lib/http/cross-site';
import { formBodyRefusal } from '@/lib/http/form-body-refusal';
import { REFUSED_REQUEST_HEADER, REFUSED_REQUEST_ROUTE, REFUSED_SERVER_ACTION_HEADER } from '@/lib/http/refused-request';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import { serverActionRefusal } from '@/lib/http/server-action-refusal';

/**
 * Sets per-request headers only; it decides nothing about access. Every page, action and route handler checks who
 * is asking itself (requireStaff, requireCitizen, requireApiClient), so a request that skipped this proxy (as a forged
 * x-middleware-subrequest once could, CVE-2025-29927) would lose a header, never a check.
 *
 * The nonce goes to Next.js in the request's Content-Security-Policy header (it puts it on its own scripts) and to
 * the root layout in x-nonce (for GOV.UK Frontend's inline script).
 */
export async function proxy(request: NextRequest) {
  // Next.js answers 500 to a server action's body over its limit: one too large, or of unknown length, stops here.
  const refusal = formBodyRefusal(request.headers);
  if (refusal) return withoutContent(refusal);
  // …and to one from another origin or one it cannot decode: those get 403 and 400, with a page saying so.
  const refused = (await serverActionRefusal(request)) ?? auditOpenedFromElsewhere(request);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(REFUSED_REQUEST_HEADER);
  requestHeaders.delete(REFUSED_SERVER_ACTION_HEADER);
  // For the audit of a refusal: the address asked for (no query string, which may carry more than ids).
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname);
  if (refused) {
    // Answered by the refusal route, which can read the session and the database to audit it (not as an action).
    requestHeaders.set(REFUSED_REQUEST_HEADER, refused);
    if (refused !== 'audit_from_elsewhere') requestHeaders.set(REFUSED_SERVER_ACTION_HEADER, '1');
    requestHeaders.delete('next-action');
    return NextResponse.rewrite(new URL(REFUSED_REQUEST_ROUTE, request.url), { request: { headers: requestHeaders } });
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, isDevelopment: env.NODE_ENV === 'development' });
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  // A page carrying a nonce must never be served twice, and every area but the public pages shows personal data:
  // nothing the app renders or answers is stored by a browser or a proxy. Static files (excluded below) are.
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/**
 * The audit trail and its CSV download only read, but a link on another site would make an access manager's browser
 * open them with the session (SameSite=Lax lets a top-level GET carry it) and download the trail where that site chose.
 */
function auditOpenedFromElsewhere(request: NextRequest) {
  return request.nextUrl.pathname.startsWith('/staff/audit') && isCrossSiteRequest(request.headers) ? ('audit_from_elsewhere' as const) : null;
}

function withoutContent(response: Response) {
  response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  return response;
}

export const config = {
  // Built scripts and styles, and GOV.UK Frontend's fonts, images and stylesheet from public/, keep their caching.
  // The system clients' JSON API gets its fixed headers from next.config.js: it needs no nonce, and skipping the
  // proxy there is a fifth of the search API's cost (273 → 333–375 searches/s at 12 M, docs/benchmarks.md).
  // The upload page's file goes to its route handler unheld: the proxy would read it to a form's size (it guards itself).
  matcher: ['/((?!_next/static|_next/image|assets/|govuk/|api/v1/|staff/casework/loads/upload).*)'],
};
