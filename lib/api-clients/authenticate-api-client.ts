import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { preparedFor } from '@/db/prepared';
import { apiClients } from '@/db/schema';
import { parseApiKey, secretMatches } from './api-key';

export type ApiClient = { id: string; name: string; organisationId: string };

const activeClient = preparedFor((db: Database) =>
  db
    .select({ id: apiClients.id, name: apiClients.name, organisationId: apiClients.organisationId, secretHash: apiClients.secretHash })
    .from(apiClients)
    .where(and(eq(apiClients.id, sql.placeholder('id')), isNull(apiClients.revokedAt)))
    .prepare('active_api_client'),
);

/** The system client an `Authorization: Bearer <key>` header proves, or null. */
export async function authenticateApiClient({ db, authorization }: { db: Database; authorization: string | null }): Promise<ApiClient | null> {
  const key = authorization?.startsWith('Bearer ') ? parseApiKey(authorization.slice(7)) : null;
  if (!key) return null;
  const [client] = await activeClient(db).execute({ id: key.clientId });
  if (!client || !secretMatches(key.secret, client.secretHash)) return null;
  return { id: client.id, name: client.name, organisationId: client.organisationId };
}
