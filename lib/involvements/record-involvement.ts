import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { involvements, serviceTypes } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { recordChange } from '@/lib/records/record-change';
import { requireLiveChild } from '@/lib/records/require-live-child';
import type { TInvolvement } from '@/lib/validation/involvement';
import { assertPractitioner, type Practitioner } from './practitioner';
import { tellOthersInvolved } from './tell-others-involved';

export type RecordInvolvementOptions = {
  db: Database;
  practitioner: Practitioner;
  childId: string;
  involvement: TInvolvement;
  clientAddress?: string | null;
};

export type RecordInvolvementResult = { involvementId: string; othersTold: number };

/**
 * "I work with this child": the involvement, a new version of the record, the audit event and the emails to the
 * others involved, all in one transaction (the emails wait in the outbox until it commits).
 */
export async function recordInvolvement({ db, practitioner, childId, involvement, clientAddress = null }: RecordInvolvementOptions): Promise<RecordInvolvementResult> {
  assertPractitioner(practitioner);
  return db.transaction(async (tx) => {
    await requireLiveChild({ db: tx, childId });
    const [service] = await tx.select().from(serviceTypes).where(eq(serviceTypes.code, involvement.serviceCode));
    if (!service) throw new AppError('invalid', 'Select a service from the list');
    if (service.isSensitive && service.code !== practitioner.sensitiveServiceCode) {
      throw new AppError('forbidden', 'Only practitioners of that service can record its involvement');
    }
    if (service.isSensitive && !involvement.consentBasis) throw new AppError('invalid', 'Select whether you have consent or suspect significant harm');
    const [already] = await tx
      .select({ id: involvements.id })
      .from(involvements)
      .where(and(eq(involvements.childId, childId), eq(involvements.practitionerStaffId, practitioner.id), eq(involvements.serviceTypeCode, service.code), isNull(involvements.endedOn)));
    if (already) throw new AppError('conflict', 'You are already recorded as working with this child for this service');

    const [created] = await tx
      .insert(involvements)
      .values({
        childId,
        serviceTypeCode: service.code,
        organisationId: practitioner.organisationId,
        practitionerStaffId: practitioner.id,
        practitionerName: practitioner.displayName,
        practitionerRole: involvement.role,
        phone: involvement.phone ?? null,
        email: involvement.email ?? null,
        startedOn: involvement.startedOn,
        consentBasis: service.isSensitive ? involvement.consentBasis : null,
        recordedByStaffId: practitioner.id,
      })
      .returning({ id: involvements.id });
    await recordChange({
      db: tx,
      staff: practitioner,
      childId,
      action: 'involvement.record',
      reason: 'Practitioner recorded their involvement',
      changes: [{ item: 'involvement', itemId: created!.id, field: 'involvement', before: null, after: { service: service.code, role: involvement.role, startedOn: involvement.startedOn } }],
      query: { involvementId: created!.id, service: service.code },
      clientAddress,
    });
    const othersTold = await tellOthersInvolved({ db: tx, childId, newInvolvementId: created!.id, newPractitioner: practitioner });
    return { involvementId: created!.id, othersTold };
  });
}
