import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { alerts } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import { type AlertSummary, selectAlerts } from './select-alerts';

export type ListOpenAlertsOptions = { db: DbOrTx; caseworker: { role: string; localAuthorityCode: string } };

/** The alerts the caseworker's own council's index team has still to review, newest first. */
export async function listOpenAlerts({ db, caseworker }: ListOpenAlertsOptions): Promise<AlertSummary[]> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team reviews alerts');
  return selectAlerts(db)
    .where(and(eq(alerts.localAuthorityCode, caseworker.localAuthorityCode), isNull(alerts.reviewedAt)))
    .orderBy(desc(alerts.raisedAt))
    .limit(200);
}
