import 'server-only';
import type { Database } from '@/db';
import { correctionRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { addCalendarMonths, formatDate, todayInLondon } from '@/lib/kernel/dates';
import { queueEmail } from '@/lib/email/queue-email';
import { AppError } from '@/lib/kernel/errors';
import type { TCorrectionRequest } from '@/lib/validation/correction-request';
import { loadCorrectableRecord } from './load-correctable-record';
import { newReference } from '@/lib/kernel/request-reference';
import { findResponsibleAuthority } from '@/lib/records/responsible-authority';

export type RaiseCorrectionOptions = {
  db: Database;
  citizen: { id: string; email: string };
  linkId: string;
  request: TCorrectionRequest;
  clientAddress?: string | null;
  now?: Date;
};

export type RaisedCorrection = { requestId: string; reference: string; dueOn: string };

/**
 * A young person or parent says an item is wrong. The request, its audit event and the acknowledgement email are
 * written together; the index team has one calendar month to answer (UK GDPR).
 */
export async function raiseCorrection({ db, citizen, linkId, request, clientAddress = null, now = new Date() }: RaiseCorrectionOptions): Promise<RaisedCorrection> {
  return db.transaction(async (tx) => {
    const correctable = await loadCorrectableRecord({ db: tx, citizenId: citizen.id, linkId, now });
    if (!correctable) throw new AppError('forbidden', 'You cannot ask for changes to this record online');
    const item = correctable.items.find((i) => i.key === request.item);
    if (!item) throw new AppError('invalid', 'Select what is wrong from the list');
    const dueOn = addCalendarMonths(todayInLondon(now), 1);
    const reference = newReference('CR');
    const [created] = await tx
      .insert(correctionRequests)
      .values({
        reference,
        childId: correctable.childId,
        requestedByCitizenId: citizen.id,
        localAuthorityCode: await findResponsibleAuthority(tx, correctable.childId),
        itemKind: item.kind,
        itemId: item.itemId,
        field: item.field,
        valueAsHeld: item.valueAsHeld,
        requestedValue: request.requestedValue,
        requestedChange: item.kind === 'address' && request.address ? request.address : null,
        explanation: request.explanation ?? null,
        receivedAt: now,
        dueOn,
      })
      .returning({ id: correctionRequests.id });
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'citizen', actorId: citizen.id, action: 'correction.request', query: { requestId: created!.id, item: item.kind, field: item.field }, childIds: [correctable.childId], clientAddress },
    });
    // Only what the requester already knows: the reference and the date to expect an answer.
    await queueEmail({
      db: tx,
      email: {
        to: citizen.email,
        subject: `We have received your request ${reference}`,
        text: [
          `Thank you. We have received your request to correct a record on the Children’s Index. Your reference is ${reference}.`,
          '',
          `The index team will look at it and tell you what they decide by ${formatDate(dueOn)}. If they need more information, we will email you.`,
          '',
          'You can see your requests when you sign in to the Children’s Index.',
        ].join('\n'),
      },
    });
    return { requestId: created!.id, reference, dueOn };
  });
}
