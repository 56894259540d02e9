import 'server-only';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db';
import { alerts, children, organisations, staffUsers } from '@/db/schema';

export type AlertSummary = {
  id: string;
  kind: (typeof alerts.$inferSelect)['kind'];
  raisedAt: Date;
  reason: string;
  staffName: string;
  organisationName: string;
  /** Null once the child has left the index. */
  indexNumber: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  outcome: string | null;
  reviewNote: string | null;
};

const reviewers = alias(staffUsers, 'reviewers');

/** Alerts as the index team reads them: who did it (name and organisation), to which record, why, and any review. */
export const selectAlerts = (db: DbOrTx) =>
  db
    .select({
      id: alerts.id,
      kind: alerts.kind,
      raisedAt: alerts.raisedAt,
      reason: alerts.reason,
      staffName: staffUsers.displayName,
      organisationName: organisations.name,
      indexNumber: children.indexNumber,
      reviewedAt: alerts.reviewedAt,
      reviewedBy: reviewers.displayName,
      outcome: alerts.outcome,
      reviewNote: alerts.reviewNote,
    })
    .from(alerts)
    .innerJoin(staffUsers, eq(staffUsers.id, alerts.staffUserId))
    .innerJoin(organisations, eq(organisations.id, staffUsers.organisationId))
    .leftJoin(children, eq(children.id, alerts.childId))
    .leftJoin(reviewers, eq(reviewers.id, alerts.reviewedByStaffId));
