import { sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';

/**
 * Keyset paging over the trail, newest first by (occurred_at, id): a page is "the events just older (or newer) than
 * this one". Unlike an offset, a page does not shift while events keep arriving, and it costs the same however deep.
 */
export function beyondCursor(cursor: string, direction: 'older' | 'newer'): SQL {
  const [moment, id] = cursor.split('_') as [string, string];
  return direction === 'older'
    ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${moment}::timestamptz, ${id}::bigint)`
    : sql`(${auditEvents.occurredAt}, ${auditEvents.id}) > (${moment}::timestamptz, ${id}::bigint)`;
}
