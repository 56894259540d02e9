import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { alerts, children, localAuthorities, organisations, shields } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { queueEmail } from '@/lib/email/queue-email';
import { appUrl } from '@/lib/http/app-url';
import { AppError } from '@/lib/kernel/errors';
import { formatIndexNumber } from '@/lib/kernel/index-number';
import type { TShieldOverride } from '@/lib/validation/viewing-purpose';

export type OverrideShieldOptions = {
  db: Database;
  viewer: { id: string; role: string; organisationId: string; displayName: string; hasChildProtectionRole: boolean };
  childId: string;
  override: TShieldOverride;
  clientAddress?: string | null;
};

/**
 * A child-protection practitioner overrides a shield. In one transaction: the audit event (which the next view of the
 * record cites, once), an alert for the responsible index team, and an email telling that team at once. Returns the
 * audit event's id.
 */
export async function overrideShield({ db, viewer, childId, override, clientAddress = null }: OverrideShieldOptions): Promise<number> {
  if (viewer.role !== 'practitioner' || !viewer.hasChildProtectionRole) {
    throw new AppError('forbidden', 'Only practitioners with a child-protection role can override a shield');
  }
  return db.transaction(async (tx) => {
    const [shielded] = await tx
      .select({ indexNumber: children.indexNumber, authority: localAuthorities })
      .from(shields)
      .innerJoin(children, eq(children.id, shields.childId))
      .innerJoin(localAuthorities, eq(localAuthorities.code, shields.responsibleLocalAuthorityCode))
      .where(and(eq(shields.childId, childId), isNull(shields.liftedAt), eq(children.status, 'live')));
    if (!shielded) throw new AppError('not_found', 'This record is not shielded, or is no longer on the index');
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, viewer.organisationId));

    const eventId = await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'staff',
        actorId: viewer.id,
        organisationId: viewer.organisationId,
        action: 'child.shield_override',
        reason: override.reason,
        childIds: [childId],
        clientAddress,
      },
    });
    await tx.insert(alerts).values({
      kind: 'shield_override',
      childId,
      staffUserId: viewer.id,
      localAuthorityCode: shielded.authority.code,
      reason: override.reason,
    });
    // Enough for the team to act at once; the reason and the child's details stay inside the index.
    await queueEmail({
      db: tx,
      email: {
        to: shielded.authority.indexTeamEmail,
        subject: 'Shield override: review needed now',
        text: [
          `${viewer.displayName} of ${organisation?.name ?? 'an accredited organisation'} has overridden the shield on the record with index number ${formatIndexNumber(shielded.indexNumber)}.`,
          '',
          'An override starts an immediate review. Sign in to the Children’s Index to see the reason they gave and review the alert:',
          appUrl('/staff/sign-in'),
        ].join('\n'),
      },
    });
    return eventId;
  });
}
