import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { indications } from '@/db/schema';
import { todayInLondon } from '@/lib/kernel/dates';
import { AppError } from '@/lib/kernel/errors';
import { recordChange } from '@/lib/kernel/record-change';
import { assertPractitioner, type Practitioner } from './practitioner';

export type EndIndicationOptions = { db: Database; practitioner: Practitioner; indicationId: string; clientAddress?: string | null; now?: Date };

/** Ends an indication of action recorded by the practitioner's own organisation. Returns the child's id. */
export async function endIndication({ db, practitioner, indicationId, clientAddress = null, now = new Date() }: EndIndicationOptions): Promise<string> {
  assertPractitioner(practitioner);
  return db.transaction(async (tx) => {
    const endedOn = todayInLondon(now);
    const [ended] = await tx
      .update(indications)
      .set({ endedOn })
      .where(and(eq(indications.id, indicationId), eq(indications.organisationId, practitioner.organisationId), isNull(indications.endedOn)))
      .returning({ childId: indications.childId, kind: indications.kind });
    if (!ended) throw new AppError('not_found', 'This indication was not recorded by your organisation, or has already ended');
    await recordChange({
      db: tx,
      staff: practitioner,
      childId: ended.childId,
      action: 'indication.end',
      reason: 'Practitioner ended an early help assessment or lead professional',
      changes: [{ item: 'indication', itemId: indicationId, field: 'endedOn', before: null, after: endedOn }],
      query: { indicationId, kind: ended.kind },
      clientAddress,
    });
    return ended.childId;
  });
}
