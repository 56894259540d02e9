import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { preparedFor } from '@/db/prepared';
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

const placeholder = (name: keyof AuditEvent) => sql.placeholder(name);
const insertEvent = preparedFor((db: DbOrTx) =>
  db
    .insert(auditEvents)
    .values({
      actorKind: placeholder('actorKind'),
      actorId: placeholder('actorId'),
      organisationId: placeholder('organisationId'),
      action: placeholder('action'),
      reason: placeholder('reason'),
      query: placeholder('query'),
      childIds: placeholder('childIds'),
      outcome: placeholder('outcome'),
      clientAddress: placeholder('clientAddress'),
    })
    .returning({ id: auditEvents.id })
    .prepare(
      // Stryker disable next-line StringLiteral: drizzle's postgres.js driver reads only whether a name was given, PGlite's not even that
      'record_audit_event',
    ),
);

/**
 * Appends one event to the audit trail and returns its id. Call it in the same transaction as the read or write it
 * records.
 */
export async function recordAuditEvent({ db, event }: RecordAuditEventOptions): Promise<number> {
  const [row] = await insertEvent(db).execute({
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
  return row!.id;
}
