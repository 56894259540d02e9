import { isCrossSiteRequest, originIsAddressedHost } from './cross-site';

/** Why a server action's request is refused before Next.js decodes it, or null to let it through. */
export type ActionRefusal = 'cross_site' | 'origin_hidden' | 'unreadable';

/** Deeper than any form's state (a few levels): React's decoder recurses, and a body 3,000 levels deep overflowed it. */
const MAX_NESTING = 32;

/**
 * Next.js answers 500 to a server action posted from another origin (or one that hides its origin) and to a body React cannot decode (truncated,
 * not JSON, arguments of the wrong shape, nested thousands deep), without running the action. Those are the caller's
 * mistakes: this tells them apart first, so that the proxy can answer 403 or 400.
 *
 * A server action is a POST with a `Next-Action` header (React's fetch), or a multipart form post to a page (a
 * browser without JavaScript). Every action of this app is a form's: its arguments, part "0" of React's encoding, are
 * an array ending with a reference to the form's fields, or an empty one for an action that reads none.
 */
export async function serverActionRefusal(request: Request): Promise<ActionRefusal | null> {
  if (request.method !== 'POST' || new URL(request.url).pathname.startsWith('/api/')) return null;
  const isFetchAction = request.headers.has('next-action');
  const isMultipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
  if (!isFetchAction && !isMultipart) return null;
  if (isCrossSiteRequest(request.headers)) return 'cross_site';
  // Next.js also aborts (500) an action whose Origin is not this host's even where the browser says it is the
  // service's own page: a page under a no-referrer policy posts without script as `Origin: null`.
  const origin = request.headers.get('origin');
  if (origin === 'null') return 'origin_hidden';
  if (origin && !originIsAddressedHost(origin, request.headers)) return 'cross_site';
  if (!isMultipart) return isFormArguments(await request.clone().text()) ? null : 'unreadable';
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return 'unreadable';
  }
  for (const [name, value] of form) {
    // React's rows ("0", "1", …) and, without JavaScript, a bound action's arguments ("$ACTION_1:0") are JSON.
    if ((/^\d+$/.test(name) || /^\$ACTION_\d+:\d+$/.test(name)) && (typeof value !== 'string' || !isShallowJson(value))) return 'unreadable';
  }
  if (!isFetchAction) return null;
  const args = form.get('0');
  return typeof args === 'string' && isFormArguments(args) ? null : 'unreadable';
}

function isFormArguments(text: string): boolean {
  if (!isShallowJson(text)) return false;
  const args: unknown = JSON.parse(text);
  // An action that reads no arguments (sign-out) is sent none: Next.js leaves out the arguments an action does not use.
  return Array.isArray(args) && (args.length === 0 || (typeof args.at(-1) === 'string' && /^\$K[0-9a-f]+$/.test(args.at(-1) as string)));
}

/** Well-formed JSON no deeper than MAX_NESTING, checked without recursion. */
function isShallowJson(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return false;
    } else if (c === ']' || c === '}') depth--;
  }
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
