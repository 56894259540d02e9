import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { apiClients } from '@/db/schema';
import { parseApiKey, secretMatches } from './api-key';

export type ApiClient = { id: string; name: string; organisationId: string };

/** The system client an `Authorization: Bearer <key>` header proves, or null. */
export async function authenticateApiClient({ db, authorization }: { db: Database; authorization: string | null }): Promise<ApiClient | null> {
  const key = authorization?.startsWith('Bearer ') ? parseApiKey(authorization.slice(7)) : null;
  if (!key) return null;
  const [client] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.id, key.clientId), isNull(apiClients.revokedAt)));
  if (!client || !secretMatches(key.secret, client.secretHash)) return null;
  return { id: client.id, name: client.name, organisationId: client.organisationId };
}
