/**
 * Links to a record carry only ids: the child's random id and the audit event that explains the visit (see
 * findViewingPurpose) — never a name or a date of birth.
 */
export const recordPath = (childId: string, purposeEventId: number, extra: Record<string, string> = {}) =>
  `/staff/children/${childId}?${new URLSearchParams({ purpose: String(purposeEventId), ...extra })}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isRecordId = (value: string) => UUID.test(value);

/** The purpose (or view) event id from a query string value; null if absent or not a plain positive integer. */
export function parseEventId(value: string | string[] | undefined): number | null {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,15}$/.test(value)) return null;
  return Number(value);
}
