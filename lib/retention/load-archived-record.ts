import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEvents, children, otherNames, type RecordChange } from '@/db/schema';
import { findResponsibleAuthority } from '@/lib/records/responsible-authority';
import { listRecordVersions } from '@/lib/records/list-record-versions';
import { ARCHIVE_VIEW_ACTION } from './look-up-archived-record';

/** A lookup explains the pages that show its record for this long: long enough to read it, not to come back tomorrow. */
export const ARCHIVE_VIEW_LIFETIME_MS = 30 * 60 * 1000;

export type ArchivedRecord = {
  child: Pick<typeof children.$inferSelect, 'id' | 'indexNumber' | 'givenNames' | 'familyName' | 'gender' | 'dateOfBirth' | 'dateOfDeath' | 'stayOnUntil'> & { archivedAt: Date; purgeOn: string };
  otherNames: { kind: 'former' | 'alias'; givenNames: string; familyName: string; usedUntil: string | null }[];
  history: { version: number; changedAt: Date; reason: string; changedBy: string | null; changes: RecordChange[] }[];
};

export type LoadArchivedRecordOptions = {
  db: DbOrTx;
  caseworker: { id: string; role: string; localAuthorityCode: string };
  childId: string;
  /** The caseworker's own audited lookup of this record (lookUpArchivedRecord). */
  viewEventId: number;
  now?: Date;
};

/**
 * An archived record as it was held when it left the live index: names, date of birth, when it left and when it
 * will be purged, and its whole history. Null unless reached from this caseworker's own recent, successful lookup of
 * this very record, and the record is still archived and answered for by their council.
 */
export async function loadArchivedRecord({ db, caseworker, childId, viewEventId, now = new Date() }: LoadArchivedRecordOptions): Promise<ArchivedRecord | null> {
  if (caseworker.role !== 'caseworker') return null;
  const [lookup] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.id, viewEventId),
        eq(auditEvents.actorKind, 'staff'),
        eq(auditEvents.actorId, caseworker.id),
        eq(auditEvents.action, ARCHIVE_VIEW_ACTION),
        eq(auditEvents.outcome, 'ok'),
        sql`${childId}::uuid = any(${auditEvents.childIds})`,
        gt(auditEvents.occurredAt, new Date(now.getTime() - ARCHIVE_VIEW_LIFETIME_MS)),
      ),
    );
  if (!lookup) return null;
  const [child] = await db.select().from(children).where(and(eq(children.id, childId), eq(children.status, 'archived')));
  if (!child?.archivedAt || !child.purgeOn) return null;
  const authority = await findResponsibleAuthority(db, childId);
  if (authority && authority !== caseworker.localAuthorityCode) return null;
  const names = await db
    .select({ kind: otherNames.kind, givenNames: otherNames.givenNames, familyName: otherNames.familyName, usedUntil: otherNames.usedUntil })
    .from(otherNames)
    .where(eq(otherNames.childId, childId))
    .orderBy(asc(otherNames.usedUntil));
  const history = await listRecordVersions({ db, childId });
  const { id, indexNumber, givenNames, familyName, gender, dateOfBirth, dateOfDeath, stayOnUntil, archivedAt, purgeOn } = child;
  return { child: { id, indexNumber, givenNames, familyName, gender, dateOfBirth, dateOfDeath, stayOnUntil, archivedAt, purgeOn }, otherNames: names, history };
}
