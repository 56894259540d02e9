import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

/** True when the database answers a trivial query. Never throws: a health check reports, it does not fail. */
export async function checkDatabase(): Promise<boolean> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    console.error('Health check: database unavailable:', error instanceof Error ? error.message : 'unknown error');
    return false;
  }
}
