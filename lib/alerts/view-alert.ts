import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { alerts } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import { type AlertSummary, selectAlerts } from './select-alerts';

export type ViewAlertOptions = { db: DbOrTx; caseworker: { role: string; localAuthorityCode: string }; alertId: string };

/** One of the council's alerts, open or reviewed; null if there is no such alert for this council. */
export async function viewAlert({ db, caseworker, alertId }: ViewAlertOptions): Promise<AlertSummary | null> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team reviews alerts');
  const [alert] = await selectAlerts(db).where(and(eq(alerts.id, alertId), eq(alerts.localAuthorityCode, caseworker.localAuthorityCode)));
  return alert ?? null;
}
