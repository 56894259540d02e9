import 'server-only';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { clientAddress } from '@/lib/http/client-address';
import { requestPath } from '@/lib/http/request-path';

/** Who was refused; `system` for a request nobody signed in sent. */
export type RefusedActor = { kind: 'staff' | 'citizen' | 'api_client'; id: string; organisationId?: string | null } | { kind: 'system' };

/** The requests already refused, by their headers (one object per request). */
const refusedRequests = new WeakSet<object>();

/**
 * Writes a refusal to the audit trail, so that probing shows: who, which address (and whether it was a page or a
 * server action posted to it), what they were told (403, 404) and why. The misuse rules count these events.
 */
export async function recordRefusal({
  actor,
  status,
  why,
  route,
  serverAction,
}: {
  actor: RefusedActor;
  status: 400 | 403 | 404;
  why: string;
  route?: string;
  serverAction?: boolean;
}): Promise<void> {
  const requestHeaders = await headers();
  // A refused server action is answered with its page, whose guard refuses again: one request, one refusal.
  if (refusedRequests.has(requestHeaders)) return;
  refusedRequests.add(requestHeaders);
  await recordAuditEvent({
    db: await getDb(),
    event: {
      actorKind: actor.kind,
      actorId: actor.kind === 'system' ? null : actor.id,
      organisationId: actor.kind === 'system' ? null : (actor.organisationId ?? null),
      action: 'access.refused',
      reason: why,
      query: { route: route ?? requestPath(requestHeaders), status, serverAction: serverAction ?? requestHeaders.has('next-action') },
      outcome: 'refused',
      clientAddress: clientAddress(requestHeaders),
    },
  });
}
