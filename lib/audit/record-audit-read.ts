import 'server-only';
import type { DbOrTx } from '@/db';
import type { Auditor } from './auditor';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';

export type RecordAuditReadOptions = {
  db: DbOrTx;
  viewer: Auditor;
  action: 'audit.explore' | 'audit.view_event' | 'audit.export';
  /** Identifiers only: the filter with user ids for user names, an event id, counts. */
  query: Record<string, unknown>;
  childIds?: string[];
  outcome?: string;
  clientAddress: string | null;
};

/** Reading the audit trail is itself an event on it. */
export async function recordAuditRead({ db, viewer, action, query, childIds = [], outcome, clientAddress }: RecordAuditReadOptions): Promise<void> {
  await recordAuditEvent({ db, event: { actorKind: 'staff', actorId: viewer.id, organisationId: viewer.organisationId, action, query, childIds, outcome, clientAddress } });
}
