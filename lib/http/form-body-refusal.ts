import { FORM_BODY_LIMIT_BYTES } from './body-limits.js';
import { jsonResponse } from './json-response';
import { bodyTooLarge } from './read-json-body';

/**
 * Why the proxy refuses a request body before a page's server action or a next-auth route sees it, or null.
 *
 * Next.js stops a server action's body at serverActions.bodySizeLimit but answers 500 when it does. A body that
 * declares more than the limit gets 413. A body of no declared length (`Transfer-Encoding: chunked`) gets 411: the
 * proxy cannot count it without reading it, and no browser sends one — a form post, and the fetch with which React
 * posts a server action, always carry Content-Length; only a request body streamed from script comes chunked.
 */
export function formBodyRefusal(headers: Headers): Response | null {
  const declared = headers.get('content-length');
  if (declared === null) return headers.has('transfer-encoding') ? lengthRequired() : null;
  return Number(declared) > FORM_BODY_LIMIT_BYTES ? bodyTooLarge(FORM_BODY_LIMIT_BYTES) : null;
}

function lengthRequired(): Response {
  return jsonResponse({ error: 'Send the length of the request (Content-Length) with it.' }, 411);
}
