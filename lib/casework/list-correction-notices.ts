import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { children, correctionNotices, sourceSystems } from '@/db/schema';
import { apiClientActor } from '@/lib/api-clients/api-client-actor';
import type { ApiClient } from '@/lib/api-clients/authenticate-api-client';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { formatIndexNumber } from '@/lib/kernel/index-number';
import { MAX_NOTICES_PER_CALL } from '@/lib/validation/correction-notice-acknowledgement';
import { ownSourceSystems } from './own-source-systems';

export type ListCorrectionNoticesOptions = { db: Database; client: ApiClient; limit?: number; clientAddress?: string | null };

export type CorrectionNoticeForSource = {
  id: string;
  sourceSystem: string;
  indexNumber: string;
  itemKind: (typeof correctionNotices.$inferSelect)['itemKind'];
  field: string;
  previousValue: string | null;
  /** Null when withheld: the new address of a shielded child goes to no source. */
  correctedValue: string | null;
  correctedValueWithheld: boolean;
  recordVersion: number;
  createdAt: Date;
};

export type CorrectionNoticeList = { notices: CorrectionNoticeForSource[]; moreWaiting: boolean };

/**
 * The correction notices not yet acknowledged by the sources the client's organisation runs, oldest first, a page at
 * a time; the source acknowledges a page to get the next. A shielded child's notices are included, since each goes
 * only to the source that sent the item, which holds that value already — except the corrected address, which is
 * where the child is now and may be what the shield hides: the source is told only that its address was wrong (the
 * index team brokers anything more). The read is audited with the children.
 */
export async function listCorrectionNotices({ db, client, limit = MAX_NOTICES_PER_CALL, clientAddress = null }: ListCorrectionNoticesOptions): Promise<CorrectionNoticeList> {
  const pageSize = Math.min(Math.max(Math.trunc(limit), 1), MAX_NOTICES_PER_CALL);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: correctionNotices.id,
        sourceSystem: sourceSystems.code,
        childId: correctionNotices.childId,
        indexNumber: children.indexNumber,
        isShielded: children.isShielded,
        itemKind: correctionNotices.itemKind,
        field: correctionNotices.field,
        previousValue: correctionNotices.previousValue,
        correctedValue: correctionNotices.correctedValue,
        recordVersion: correctionNotices.recordVersion,
        createdAt: correctionNotices.createdAt,
      })
      .from(correctionNotices)
      .innerJoin(sourceSystems, eq(sourceSystems.id, correctionNotices.sourceSystemId))
      .innerJoin(children, eq(children.id, correctionNotices.childId))
      .where(and(isNull(correctionNotices.acknowledgedAt), inArray(correctionNotices.sourceSystemId, ownSourceSystems(tx, client.organisationId))))
      .orderBy(asc(correctionNotices.createdAt), asc(correctionNotices.id))
      // One more than the page, to know whether more are waiting.
      .limit(pageSize + 1);
    const page = rows.slice(0, pageSize);
    await recordAuditEvent({
      db: tx,
      event: {
        ...apiClientActor(client),
        action: 'correction_notice.list',
        query: { limit: pageSize, noticeIds: page.map((n) => n.id) },
        childIds: [...new Set(page.map((n) => n.childId))],
        clientAddress,
      },
    });
    return {
      notices: page.map(({ childId: _childId, indexNumber, isShielded, ...notice }) => {
        const withheld = isShielded && notice.itemKind === 'address';
        return { ...notice, indexNumber: formatIndexNumber(indexNumber), correctedValue: withheld ? null : notice.correctedValue, correctedValueWithheld: withheld };
      }),
      moreWaiting: rows.length > pageSize,
    };
  });
}
