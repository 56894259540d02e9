import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import { involvements } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import { recordChange } from '@/lib/kernel/record-change';
import { requireLiveChild } from '@/lib/records/require-live-child';
import type { TInvolvement } from '@/lib/validation/involvement';
import { lockOwnOrganisationService } from './lock-own-organisation-service';
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

export const NOT_PROVIDED =
  'You can record involvement only as a service your organisation provides. Choose one from the list, or ask your access manager to add it.';

/** A service the practitioner may not record as: refused, and recorded as refused once the transaction is gone. */
class ServiceRefused extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/**
 * "I work with this child", only as a service the practitioner's own organisation provides: the involvement, a new
 * version of the record, the audit event and the emails to the others involved, all in one transaction (the emails
 * wait in the outbox until it commits). Any other service code is refused, and the refusal audited.
 */
export async function recordInvolvement(options: RecordInvolvementOptions): Promise<RecordInvolvementResult> {
  const { db, practitioner, childId, involvement, clientAddress = null } = options;
  assertPractitioner(practitioner);
  try {
    return await db.transaction((tx) => recordWithin(tx, options));
  } catch (error) {
    if (error instanceof ServiceRefused) {
      await recordAuditEvent({
        db,
        event: {
          actorKind: 'staff',
          actorId: practitioner.id,
          organisationId: practitioner.organisationId,
          action: 'involvement.record',
          childIds: [childId],
          query: { service: involvement.serviceCode },
          outcome: 'refused',
          clientAddress,
        },
      });
    }
    throw error;
  }
}

async function recordWithin(tx: Transaction, { practitioner, childId, involvement, clientAddress = null }: RecordInvolvementOptions): Promise<RecordInvolvementResult> {
  await requireLiveChild({ db: tx, childId });
  const service = await lockOwnOrganisationService({ db: tx, organisationId: practitioner.organisationId, serviceCode: involvement.serviceCode });
  if (!service) throw new ServiceRefused(NOT_PROVIDED);
  if (service.isSensitive && service.code !== practitioner.sensitiveServiceCode) throw new ServiceRefused('Only practitioners of that service can record its involvement');
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
}
