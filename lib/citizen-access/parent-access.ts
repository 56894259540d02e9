import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db';
import { carers, childCarers, children, citizenAccounts, citizenRecordLinks, parentAccessAgreements, parentAccessRequests } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { queueEmail } from '@/lib/email/queue-email';
import { AppError } from '@/lib/kernel/errors';
import { appUrl } from '@/lib/http/app-url';
import { findCitizenAccess } from './find-citizen-access';

/** `askedAt`: when they asked to see it, if they are waiting for an answer. */
export type ParentAccessEntry = { carerId: string; givenNames: string; familyName: string; relationship: string; agreed: boolean; askedAt: Date | null };

/** The young person's own record, or refusal: only they decide who else may see it. */
async function ownRecord(db: DbOrTx, citizenId: string, linkId: string): Promise<string> {
  const access = await findCitizenAccess({ db, citizenId, linkId });
  if (!access.allowed || access.link.relationship !== 'self') throw new AppError('forbidden', 'Only the young person can decide who else sees their record');
  return access.childId;
}

export type ListParentAccessOptions = { db: Database; citizen: { id: string }; linkId: string };

/** The parents and carers with parental responsibility on a young person's record, and whether each may see it. */
export async function listParentAccess({ db, citizen, linkId }: ListParentAccessOptions): Promise<ParentAccessEntry[]> {
  const childId = await ownRecord(db, citizen.id, linkId);
  const rows = await db
    .select({ carer: carers, relationship: childCarers.relationship, agreement: parentAccessAgreements.id, askedAt: parentAccessRequests.requestedAt })
    .from(childCarers)
    .innerJoin(carers, eq(carers.id, childCarers.carerId))
    .leftJoin(
      parentAccessAgreements,
      and(eq(parentAccessAgreements.childId, childCarers.childId), eq(parentAccessAgreements.carerId, carers.id), isNull(parentAccessAgreements.withdrawnAt)),
    )
    .leftJoin(
      parentAccessRequests,
      and(eq(parentAccessRequests.childId, childCarers.childId), eq(parentAccessRequests.carerId, carers.id), isNull(parentAccessRequests.answeredAt)),
    )
    .where(and(eq(childCarers.childId, childId), eq(childCarers.hasParentalResponsibility, true)));
  return rows.map((r) => ({ carerId: r.carer.id, givenNames: r.carer.givenNames, familyName: r.carer.familyName, relationship: r.relationship, agreed: r.agreement !== null, askedAt: r.askedAt }));
}

export type SetParentAccessOptions = ListParentAccessOptions & { carerId: string; agree: boolean; clientAddress?: string | null; now?: Date };

/** A young person of 12 or over agrees, or stops agreeing, that one parent or carer may see their record online. */
export async function setParentAccess({ db, citizen, linkId, carerId, agree, clientAddress = null, now = new Date() }: SetParentAccessOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const childId = await ownRecord(tx, citizen.id, linkId);
    const [parent] = await tx
      .select({ id: childCarers.id })
      .from(childCarers)
      .where(and(eq(childCarers.childId, childId), eq(childCarers.carerId, carerId), eq(childCarers.hasParentalResponsibility, true)));
    if (!parent) throw new AppError('not_found', 'That person is not a parent or carer with parental responsibility on your record');
    const current = and(eq(parentAccessAgreements.childId, childId), eq(parentAccessAgreements.carerId, carerId), isNull(parentAccessAgreements.withdrawnAt));
    const [existing] = await tx.select({ id: parentAccessAgreements.id }).from(parentAccessAgreements).where(current);
    if (agree && !existing) await tx.insert(parentAccessAgreements).values({ childId, carerId, agreedAt: now });
    if (!agree && existing) await tx.update(parentAccessAgreements).set({ withdrawnAt: now }).where(eq(parentAccessAgreements.id, existing.id));
    // Either way the parent's ask, if any, is answered.
    await tx
      .update(parentAccessRequests)
      .set({ answeredAt: now })
      .where(and(eq(parentAccessRequests.childId, childId), eq(parentAccessRequests.carerId, carerId), isNull(parentAccessRequests.answeredAt)));
    if (agree && !existing) await tellParentOfAgreement(tx, childId, carerId);
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'citizen', actorId: citizen.id, action: agree ? 'citizen.parent_access.agree' : 'citizen.parent_access.withdraw', query: { carerId }, childIds: [childId], clientAddress },
    });
  });
}

/** The parent's accounts linked to this record hear that they can see it now; the email holds the first name only. */
async function tellParentOfAgreement(db: DbOrTx, childId: string, carerId: string): Promise<void> {
  const [child] = await db.select({ givenNames: children.givenNames }).from(children).where(eq(children.id, childId));
  const parents = await db
    .selectDistinct({ email: citizenAccounts.email })
    .from(citizenRecordLinks)
    .innerJoin(citizenAccounts, eq(citizenAccounts.id, citizenRecordLinks.citizenId))
    .where(and(eq(citizenRecordLinks.childId, childId), eq(citizenRecordLinks.carerId, carerId), eq(citizenRecordLinks.relationship, 'parent'), isNull(citizenRecordLinks.revokedAt)));
  const firstName = child!.givenNames.split(' ')[0];
  for (const { email } of parents) {
    await queueEmail({
      db,
      email: {
        to: email,
        subject: 'Your child has agreed that you can see their record',
        text: [
          `${firstName} has agreed that you can see their record on the Children’s Index online. Sign in to see it:`,
          '',
          appUrl('/portal/records'),
          '',
          'They can change their mind at any time.',
        ].join('\n'),
      },
    });
  }
}
