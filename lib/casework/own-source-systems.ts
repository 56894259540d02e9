import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { sourceSystems } from '@/db/schema';

/**
 * The ids of the source systems an organisation runs, as a subquery: the only sources whose correction notices its
 * API clients may read or acknowledge. A source with no organisation (the national feeds) matches no client.
 */
export function ownSourceSystems(db: DbOrTx, organisationId: string) {
  return db.select({ id: sourceSystems.id }).from(sourceSystems).where(eq(sourceSystems.organisationId, organisationId));
}
