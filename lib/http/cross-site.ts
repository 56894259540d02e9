import { jsonResponse } from './json-response';

/**
 * Whether a browser sent this request from a page of another origin: what a cross-site form post or fetch looks
 * like. Browsers say so in Sec-Fetch-Site, or failing that in Origin (always sent with a cross-origin POST). A request
 * with neither is not from a browser page (an API client, curl), so it carries no victim's cookies.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  // Decisive when present (no page can set it). A page under a no-referrer policy posts its forms with
  // `Origin: null`, so Origin is read only from browsers that do not send Sec-Fetch-Site.
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = headers.get('origin');
  if (!origin) return false;
  return !originIsAddressedHost(origin, headers);
}

/** Whether an Origin header names the host the browser addressed, as Next.js's own check of server actions reads it. */
export function originIsAddressedHost(origin: string, headers: Headers): boolean {
  // Behind a reverse proxy, the addressed host is the forwarded one.
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? headers.get('host');
  return URL.canParse(origin) && new URL(origin).host === host;
}

type Handler<Request> = (request: Request) => Promise<Response>;

/** A cookie-authenticated handler that refuses requests from other sites' pages (cross-site request forgery). */
export function sameOriginOnly<R extends Request>(handler: Handler<R>): Handler<R> {
  return async (request) => (isCrossSiteRequest(request.headers) ? crossSiteRefusal() : handler(request));
}

export function crossSiteRefusal(): Response {
  return jsonResponse({ error: 'This request must come from the Children’s Index’s own pages.' }, 403);
}
