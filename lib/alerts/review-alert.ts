import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { alerts } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { hasConflictOfInterest } from '@/lib/records/conflict-of-interest';
import { AppError } from '@/lib/kernel/errors';
import type { ShieldingStaff } from '@/lib/records/shielding-refusal';
import type { TAlertReview } from '@/lib/validation/alert-review';

export type ReviewAlertOptions = {
  db: Database;
  caseworker: ShieldingStaff;
  alertId: string;
  review: TAlertReview;
  clientAddress?: string | null;
  now?: Date;
};

/**
 * The index team closes an alert with its outcome and a note, once: in one transaction with the alert locked, so two
 * reviewers cannot both decide, and audited.
 */
export async function reviewAlert({ db, caseworker, alertId, review, clientAddress = null, now = new Date() }: ReviewAlertOptions): Promise<void> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team reviews alerts');
  await db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.id, alertId), eq(alerts.localAuthorityCode, caseworker.localAuthorityCode)))
      .for('update');
    if (!alert) throw new AppError('not_found', 'There is no such alert for your council’s index team');
    if (alert.reviewedAt) throw new AppError('conflict', 'This alert has already been reviewed.');
    if (alert.childId && (await hasConflictOfInterest({ db: tx, caseworker, childId: alert.childId }))) {
      throw new AppError('forbidden', 'This alert is about a child who shares your family name and home address. Ask a colleague to review it.');
    }
    await tx.update(alerts).set({ reviewedAt: now, reviewedByStaffId: caseworker.id, outcome: review.outcome, reviewNote: review.note }).where(eq(alerts.id, alertId));
    await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'staff',
        actorId: caseworker.id,
        organisationId: caseworker.organisationId,
        action: 'alert.review',
        query: { alertId, kind: alert.kind, outcome: review.outcome, staffUserId: alert.staffUserId },
        childIds: alert.childId ? [alert.childId] : [],
        clientAddress,
      },
    });
  });
}
