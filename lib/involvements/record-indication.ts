import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { indications } from '@/db/schema';
import { todayInLondon } from '@/lib/kernel/dates';
import { recordChange } from '@/lib/kernel/record-change';
import { requireLiveChild } from '@/lib/records/require-live-child';
import type { TIndication } from '@/lib/validation/involvement';
import { assertPractitioner, type Practitioner } from './practitioner';

export type RecordIndicationOptions = { db: Database; practitioner: Practitioner; childId: string; indication: TIndication; clientAddress?: string | null; now?: Date };

/**
 * "An early help assessment has been done", "X is the lead professional". A child has one lead professional at a
 * time, so naming a new one ends the last.
 */
export async function recordIndication({ db, practitioner, childId, indication, clientAddress = null, now = new Date() }: RecordIndicationOptions): Promise<string> {
  assertPractitioner(practitioner);
  return db.transaction(async (tx) => {
    await requireLiveChild({ db: tx, childId });
    const replaced =
      indication.kind === 'lead_professional'
        ? await tx
            .update(indications)
            .set({ endedOn: todayInLondon(now) })
            .where(and(eq(indications.childId, childId), eq(indications.kind, 'lead_professional'), isNull(indications.endedOn)))
            .returning({ id: indications.id })
        : [];
    const [created] = await tx
      .insert(indications)
      .values({
        childId,
        kind: indication.kind,
        recordedOn: indication.recordedOn,
        organisationId: practitioner.organisationId,
        contactName: indication.contactName,
        contactPhone: indication.contactPhone ?? null,
        contactEmail: indication.contactEmail ?? null,
        recordedByStaffId: practitioner.id,
      })
      .returning({ id: indications.id });
    await recordChange({
      db: tx,
      staff: practitioner,
      childId,
      action: 'indication.record',
      reason: 'Practitioner recorded an early help assessment or lead professional',
      changes: [
        ...replaced.map((r) => ({ item: 'indication', itemId: r.id, field: 'endedOn', before: null, after: todayInLondon(now) })),
        { item: 'indication', itemId: created!.id, field: 'indication', before: null, after: { kind: indication.kind, recordedOn: indication.recordedOn, contactName: indication.contactName } },
      ],
      query: { indicationId: created!.id, kind: indication.kind, replaced: replaced.map((r) => r.id) },
      clientAddress,
    });
    return created!.id;
  });
}
