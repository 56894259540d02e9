import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { children } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { findResponsibleAuthority } from '@/lib/records/responsible-authority';
import { AppError } from '@/lib/kernel/errors';
import type { TArchiveLookup } from '@/lib/validation/archive-lookup';
import { describeReason } from '@/lib/validation/viewing-purpose';

export const ARCHIVE_VIEW_ACTION = 'child.archive_view';

export type LookUpArchivedRecordOptions = {
  db: Database;
  caseworker: { id: string; role: string; organisationId: string; localAuthorityCode: string };
  lookup: TArchiveLookup;
  clientAddress?: string | null;
};

const NOT_FOUND = 'There is no archived record with that index number that your index team answers for. Check the number.';

/**
 * The index team finds an archived record by its index number, never by name: a lookup, not a search. Only the
 * index team of the council that answers for the child (from its last address, or its shield) may read it — least
 * privilege: another council has no reason to — and another council's record looks the same as none. Every lookup,
 * found or not, is audited with the reason given; the typed number is not kept (after the purge it would be the
 * only trace of the child). Returns the child's id and the audit event that the record's page then cites.
 */
export async function lookUpArchivedRecord({ db, caseworker, lookup, clientAddress = null }: LookUpArchivedRecordOptions): Promise<{ childId: string; viewEventId: number }> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team can read the archive');
  const [child] = await db.select({ id: children.id, status: children.status }).from(children).where(eq(children.indexNumber, lookup.indexNumber));
  const authority = child ? await findResponsibleAuthority(db, child.id) : null;
  const outcome = !child ? 'not_found' : authority && authority !== caseworker.localAuthorityCode ? 'other_council' : child.status !== 'archived' ? 'not_archived' : 'ok';
  const viewEventId = await recordAuditEvent({
    db,
    event: {
      actorKind: 'staff',
      actorId: caseworker.id,
      organisationId: caseworker.organisationId,
      action: ARCHIVE_VIEW_ACTION,
      reason: describeReason(lookup),
      childIds: child ? [child.id] : [],
      outcome,
      clientAddress,
    },
  });
  if (outcome === 'not_archived') {
    throw new AppError('invalid', child!.status === 'live' ? 'That record is on the live index, not in the archive: find it with a search.' : 'That record was merged into another one: find that one instead.');
  }
  if (outcome !== 'ok') throw new AppError('not_found', NOT_FOUND);
  return { childId: child!.id, viewEventId };
}
