import { ZEventId, ZRecordId } from '@/lib/validation/record-id';

/**
 * Links to a record carry only ids: the child's random id and the audit event that explains the visit (see
 * findViewingPurpose) — never a name or a date of birth.
 */
export const recordPath = (childId: string, purposeEventId: number, extra: Record<string, string> = {}) =>
  `/staff/children/${childId}?${new URLSearchParams({ purpose: String(purposeEventId), ...extra })}`;

export const isRecordId = (value: unknown): value is string => ZRecordId.safeParse(value).success;

/** The purpose (or view) event id from a query string value; null if absent or not a plain positive integer. */
export function parseEventId(value: string | string[] | undefined): number | null {
  const parsed = ZEventId.safeParse(value);
  return parsed.success ? parsed.data : null;
}
