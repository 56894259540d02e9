/** A page of the staff side as a bare path: no other site, no dots, no query string (which might carry more than ids). */
const STAFF_PAGE = /^\/staff(\/[A-Za-z0-9_-]+)*$/;

/**
 * Where signing in may lead (a link in an email to a child's record, through sign-in): a path on this service's
 * staff side only, so that the link cannot be turned into a way to send someone elsewhere. Null for anything else.
 */
export function staffReturnPath(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 200 && STAFF_PAGE.test(value) ? value : null;
}
