import 'server-only';
import { getDb, type Database } from '@/db';
import { clientAddress } from '@/lib/http/client-address';
import { jsonResponse } from '@/lib/http/json-response';
import { authenticateApiClient, type ApiClient } from './authenticate-api-client';

export type ApiClientCall = { db: Database; client: ApiClient; clientAddress: string | null };

/**
 * The guard of route handlers that only systems call: the API client the `Authorization: Bearer <key>` header proves,
 * or a 401 answer to send. A signed-in browser session does not count.
 */
export async function requireApiClient(request: Request): Promise<ApiClientCall | { refusal: Response }> {
  const db = await getDb();
  const client = await authenticateApiClient({ db, authorization: request.headers.get('authorization') });
  if (!client) return { refusal: jsonResponse({ error: 'Send a valid API key as "Authorization: Bearer <key>". This address is for systems only.' }, 401) };
  return { db, client, clientAddress: clientAddress(request.headers) };
}
