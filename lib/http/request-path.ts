/**
 * The address a request was for, which proxy.ts passes on to pages and actions in this header (server components
 * are not told it). Only for the audit of a refusal: addresses carry ids, never personal data.
 */
export const REQUEST_PATH_HEADER = 'x-request-path';

export const requestPath = (headers: Headers): string => (headers.get(REQUEST_PATH_HEADER) ?? 'unknown').slice(0, 300);
