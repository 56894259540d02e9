import 'server-only';
import { and, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { correctionNotices } from '@/db/schema';
import { apiClientActor } from '@/lib/api-clients/api-client-actor';
import type { ApiClient } from '@/lib/api-clients/authenticate-api-client';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { ownSourceSystems } from './own-source-systems';

export type AcknowledgeCorrectionNoticesOptions = { db: Database; client: ApiClient; ids: string[]; clientAddress?: string | null; now?: Date };

/**
 * What became of each id: newly acknowledged; acknowledged before (a retry is harmless); or not a notice of the
 * client's organisation's sources at all — unknown and another organisation's look the same, so nothing is given away.
 */
export type CorrectionNoticeAcknowledgement = { acknowledged: string[]; alreadyAcknowledged: string[]; notFound: string[] };

/** A source says it has taken these notices in, so they are no longer offered. Audited in the same transaction. */
export async function acknowledgeCorrectionNotices({ db, client, ids, clientAddress = null, now = new Date() }: AcknowledgeCorrectionNoticesOptions): Promise<CorrectionNoticeAcknowledgement> {
  const wanted = [...new Set(ids)];
  return db.transaction(async (tx) => {
    const owned = and(inArray(correctionNotices.id, wanted), inArray(correctionNotices.sourceSystemId, ownSourceSystems(tx, client.organisationId)));
    const acknowledged = await tx
      .update(correctionNotices)
      .set({ acknowledgedAt: now })
      .where(and(owned, isNull(correctionNotices.acknowledgedAt)))
      .returning({ id: correctionNotices.id, childId: correctionNotices.childId });
    const newly = new Set(acknowledged.map((n) => n.id));
    const before = new Set((await tx.select({ id: correctionNotices.id }).from(correctionNotices).where(owned)).map((n) => n.id).filter((id) => !newly.has(id)));
    const result = {
      acknowledged: wanted.filter((id) => newly.has(id)),
      alreadyAcknowledged: wanted.filter((id) => before.has(id)),
      notFound: wanted.filter((id) => !newly.has(id) && !before.has(id)),
    };
    await recordAuditEvent({
      db: tx,
      event: {
        ...apiClientActor(client),
        action: 'correction_notice.acknowledge',
        query: result,
        childIds: [...new Set(acknowledged.map((n) => n.childId))],
        outcome: result.notFound.length > 0 ? 'partly_not_found' : 'ok',
        clientAddress,
      },
    });
    return result;
  });
}
