import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { carers, childCarers, citizenAccounts, citizenRecordLinks, parentAccessRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { queueEmail } from '@/lib/email/queue-email';
import { AppError } from '@/lib/kernel/errors';
import { appUrl } from '@/lib/http/app-url';
import { findCitizenAccess } from './find-citizen-access';

const RELATIONSHIP_WORDS: Record<string, string> = { mother: 'mother', father: 'father', carer: 'carer', foster_carer: 'foster carer', other: 'parent or carer' };

export type AskToSeeRecordOptions = { db: Database; citizen: { id: string }; linkId: string; clientAddress?: string | null; now?: Date };

/**
 * A parent of a young person aged 12 or over asks to see the record: the young person decides (DOMAIN.md). They are
 * told in their account (the ask waits there) and by email at each address they sign in with; the email names who
 * asked and nothing of the record. Asking again while an ask is open changes nothing. Refused, and audited, for a
 * link that is not a parent's waiting for agreement.
 */
export async function askToSeeRecord({ db, citizen, linkId, clientAddress = null, now = new Date() }: AskToSeeRecordOptions): Promise<{ outcome: 'asked' | 'already_asked' }> {
  const answer = await db.transaction(async (tx): Promise<{ outcome: 'asked' | 'already_asked' | 'refused' }> => {
    const access = await findCitizenAccess({ db: tx, citizenId: citizen.id, linkId, now });
    const audit = (outcome: string, childIds: string[]) =>
      recordAuditEvent({ db: tx, event: { actorKind: 'citizen', actorId: citizen.id, action: 'citizen.parent_access.ask', query: { linkId }, childIds, outcome, clientAddress } });
    const link = access.link;
    if (access.allowed || access.reason !== 'needs_agreement' || !link?.carerId) {
      // Kept: the refusal is thrown only once the transaction holding its audit event has committed.
      await audit('refused', link ? [link.childId] : []);
      return { outcome: 'refused' };
    }
    const { childId, carerId } = { childId: link.childId, carerId: link.carerId };
    const [open] = await tx
      .select({ id: parentAccessRequests.id })
      .from(parentAccessRequests)
      .where(and(eq(parentAccessRequests.childId, childId), eq(parentAccessRequests.carerId, carerId), isNull(parentAccessRequests.answeredAt)));
    if (open) {
      await audit('already_asked', [childId]);
      return { outcome: 'already_asked' };
    }
    await tx.insert(parentAccessRequests).values({ childId, carerId, requestedByCitizenId: citizen.id, requestedAt: now });
    const [parent] = await tx
      .select({ givenNames: carers.givenNames, familyName: carers.familyName, relationship: childCarers.relationship })
      .from(carers)
      .innerJoin(childCarers, and(eq(childCarers.carerId, carers.id), eq(childCarers.childId, childId)))
      .where(eq(carers.id, carerId));
    const youngPeople = await tx
      .selectDistinct({ email: citizenAccounts.email })
      .from(citizenRecordLinks)
      .innerJoin(citizenAccounts, eq(citizenAccounts.id, citizenRecordLinks.citizenId))
      .where(and(eq(citizenRecordLinks.childId, childId), eq(citizenRecordLinks.relationship, 'self'), isNull(citizenRecordLinks.revokedAt)));
    const who = `${parent!.givenNames} ${parent!.familyName}, named on your record as your ${RELATIONSHIP_WORDS[parent!.relationship] ?? 'parent or carer'},`;
    for (const { email } of youngPeople) {
      await queueEmail({
        db: tx,
        email: {
          to: email,
          subject: 'Your parent or carer has asked to see your record',
          text: [
            `${who} has asked to see your record on the Children’s Index online.`,
            '',
            'You decide. They cannot see it unless you agree, and you can change your mind at any time. To choose, sign in and open “Choose whether your parents or carers can see your record”:',
            '',
            appUrl('/portal/records'),
            '',
            'If you do nothing, they cannot see your record online.',
          ].join('\n'),
        },
      });
    }
    await audit('asked', [childId]);
    return { outcome: 'asked' };
  });
  if (answer.outcome === 'refused') throw new AppError('forbidden', 'You can ask only to see the record of a young person of 12 or over who has not agreed yet');
  return { outcome: answer.outcome };
}
