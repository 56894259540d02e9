import 'server-only';
import type { DbOrTx } from '@/db';
import { auditEvents } from '@/db/schema';

export type AuditEvent = {
  actorKind: 'staff' | 'citizen' | 'api_client' | 'system';
  actorId?: string | null;
  organisationId?: string | null;
  action: string;
  reason?: string | null;
  query?: Record<string, unknown> | null;
  childIds?: string[];
  outcome?: string;
  clientAddress?: string | null;
};

export type RecordAuditEventOptions = { db: DbOrTx; event: AuditEvent };

/** Appends one event to the audit trail. Call it in the same transaction as the read or write it records. */
export async function recordAuditEvent({ db, event }: RecordAuditEventOptions): Promise<void> {
  await db.insert(auditEvents).values({
    actorKind: event.actorKind,
    actorId: event.actorId ?? null,
    organisationId: event.organisationId ?? null,
    action: event.action,
    reason: event.reason ?? null,
    query: event.query ?? null,
    childIds: event.childIds ?? [],
    outcome: event.outcome ?? 'ok',
    clientAddress: event.clientAddress ?? null,
  });
}
