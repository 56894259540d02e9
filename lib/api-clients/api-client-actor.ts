import type { AuditEvent } from '@/lib/kernel/record-audit-event';
import type { ApiClient } from './authenticate-api-client';

/** Who an audit event names when a system client acted. */
export function apiClientActor(client: ApiClient): Pick<AuditEvent, 'actorKind' | 'actorId' | 'organisationId'> {
  return { actorKind: 'api_client', actorId: client.id, organisationId: client.organisationId };
}
