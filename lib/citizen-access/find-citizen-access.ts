import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { childCarers, children, citizenRecordLinks, parentAccessAgreements } from '@/db/schema';
import { todayInLondon } from '@/lib/kernel/dates';
import { ageOn } from './age';

/** A young person sees their own record from this age; below it, a parent with parental responsibility does. */
export const OWN_ACCESS_AGE = 12;

export type CitizenLink = typeof citizenRecordLinks.$inferSelect;

/**
 * Why not, for the code; pages show `shielded` and `not_available` in the same neutral words, so that nobody learns
 * from the portal that a record is shielded.
 */
export type DeniedReason = 'no_link' | 'not_available' | 'shielded' | 'too_young' | 'no_parental_responsibility' | 'needs_agreement';

export type CitizenAccess = { allowed: true; link: CitizenLink; childId: string } | { allowed: false; reason: DeniedReason; link?: CitizenLink };

export type FindCitizenAccessOptions = { db: DbOrTx; citizenId: string; linkId: string; now?: Date };

/**
 * Who may see which record online (DOMAIN.md): a young person aged 12 or over their own; a parent or carer with
 * parental responsibility, listed on the record, that of a child under 12, and of a child 12 or over only once the
 * young person has agreed in their own account. Nobody sees a shielded record, or one that has left the index.
 */
export async function findCitizenAccess({ db, citizenId, linkId, now = new Date() }: FindCitizenAccessOptions): Promise<CitizenAccess> {
  const [link] = await db
    .select()
    .from(citizenRecordLinks)
    .where(and(eq(citizenRecordLinks.id, linkId), eq(citizenRecordLinks.citizenId, citizenId), isNull(citizenRecordLinks.revokedAt)));
  if (!link) return { allowed: false, reason: 'no_link' };
  const [child] = await db
    .select({ status: children.status, mergedIntoId: children.mergedIntoId, isShielded: children.isShielded, dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(eq(children.id, link.childId));
  if (!child || child.status !== 'live' || child.mergedIntoId) return { allowed: false, reason: 'not_available', link };
  if (child.isShielded) return { allowed: false, reason: 'shielded', link };

  const age = ageOn(child.dateOfBirth, todayInLondon(now));
  if (link.relationship === 'self') {
    return age >= OWN_ACCESS_AGE ? { allowed: true, link, childId: link.childId } : { allowed: false, reason: 'too_young', link };
  }
  // Stryker disable next-line ConditionalExpression: without it a link with no carer finds no carer row (carer_id = null matches nothing) and is refused below for the same reason; kept to say the rule
  if (!link.carerId) return { allowed: false, reason: 'no_parental_responsibility', link };
  const [carer] = await db
    .select({ hasParentalResponsibility: childCarers.hasParentalResponsibility })
    .from(childCarers)
    .where(and(eq(childCarers.childId, link.childId), eq(childCarers.carerId, link.carerId)));
  if (!carer?.hasParentalResponsibility) return { allowed: false, reason: 'no_parental_responsibility', link };
  if (age < OWN_ACCESS_AGE) return { allowed: true, link, childId: link.childId };
  const [agreement] = await db
    // Stryker disable next-line ObjectLiteral: with no columns named drizzle selects them all; only whether a row exists is read
    .select({ id: parentAccessAgreements.id })
    .from(parentAccessAgreements)
    .where(and(eq(parentAccessAgreements.childId, link.childId), eq(parentAccessAgreements.carerId, link.carerId), isNull(parentAccessAgreements.withdrawnAt)));
  return agreement ? { allowed: true, link, childId: link.childId } : { allowed: false, reason: 'needs_agreement', link };
}
