import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { findViewingPurpose } from '@/lib/records/find-viewing-purpose';
import { parseEventId } from '@/lib/records/record-path';

/**
 * For a practitioner's page or action reached from a child's record (recording involvement or an indication): the
 * audited view of this record by this practitioner that it cites. Without one (none given, or another user's, or
 * another child's) back to the record, which asks why first: nobody writes to a record they had no reason to open.
 */
export async function requireOwnPurpose(staff: { id: string }, childId: string, cited: string | string[] | undefined): Promise<number> {
  const purposeEventId = parseEventId(cited);
  const purpose = purposeEventId === null ? null : await findViewingPurpose({ db: await getDb(), viewerId: staff.id, childId, purposeEventId, now: new Date() });
  if (!purpose) redirect(`/staff/children/${childId}`);
  return purpose.eventId;
}
