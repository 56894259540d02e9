import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';

export type RedactAuditDetailsOptions = { db: DbOrTx; childId: string };

/**
 * For the retention job, when a child is purged: removes the reason and query (which may name the child) of every
 * audit event about them, keeping the events themselves, and records the redaction as an event of its own. Returns
 * how many events were redacted. The chain covers a digest of those details, so the trail still verifies; the
 * database lets only redact_audit_details() make this change (the caller needs the childrens_index_retention role).
 */
export async function redactAuditDetails({ db, childId }: RedactAuditDetailsOptions): Promise<number> {
  const [row] = await db.execute<{ redacted: number }>(sql`select redact_audit_details(${childId}::uuid) as redacted`);
  return row!.redacted;
}
