import 'server-only';
import { isEmbedded, type Database } from '@/db';
import { LOAD_LOCK_CLASS } from './load-lock-key';

export type WithLoadLockOptions<T> = {
  db: Database;
  loadId: string;
  /** Wait for another holder to finish (the CLI), or give up at once if there is one (a job: the holder will finish). */
  wait: boolean;
  work: () => Promise<T>;
};

export type LoadLockOutcome<T> = { busy: false; result: T } | { busy: true };

/**
 * Runs `work` while holding the load's session advisory lock, on a connection reserved for the lock alone (the work
 * uses the pool as usual). The lock says "someone is working this load" to the sweep and the loads pages, and keeps
 * a second worker off it; if this process dies, PostgreSQL releases it with the connection.
 */
export async function withLoadLock<T>(options: WithLoadLockOptions<T>): Promise<LoadLockOutcome<T>> {
  if (isEmbedded(options.db)) return withEmbeddedLoadLock(options);
  const { db, loadId, wait, work } = options;
  const connection = await db.$client.reserve();
  try {
    if (wait) {
      await connection`select pg_advisory_lock(${LOAD_LOCK_CLASS}::int, hashtext(${loadId}::text) & 2147483647)`;
    } else {
      const [row] = await connection<{ locked: boolean }[]>`
        select pg_try_advisory_lock(${LOAD_LOCK_CLASS}::int, hashtext(${loadId}::text) & 2147483647) as locked`;
      if (!row?.locked) return { busy: true };
    }
    try {
      return { busy: false, result: await work() };
    } finally {
      // A lost connection has let the lock go already.
      await connection`select pg_advisory_unlock(${LOAD_LOCK_CLASS}::int, hashtext(${loadId}::text) & 2147483647)`.catch(() => {});
    }
  } finally {
    connection.release();
  }
}

// On globalThis: Next.js may load this module more than once in one process (a route's bundle, the job worker's).
const heldInThisProcess: Map<string, Promise<unknown>> = ((globalThis as { childrensIndexHeldLoads?: Map<string, Promise<unknown>> }).childrensIndexHeldLoads ??= new Map());

/**
 * The embedded database has one connection, which the work needs: no connection can be kept for the lock. Only one
 * process can open it, so a lock among this process's callers keeps a second worker off the load; the session
 * advisory lock is taken too, on the one session, so that the loads pages see the load being worked.
 */
async function withEmbeddedLoadLock<T>({ db, loadId, wait, work }: WithLoadLockOptions<T>): Promise<LoadLockOutcome<T>> {
  while (heldInThisProcess.has(loadId)) {
    if (!wait) return { busy: true };
    await heldInThisProcess.get(loadId)!.catch(() => {});
  }
  const sql = db.$client;
  const running = (async () => {
    await sql`select pg_advisory_lock(${LOAD_LOCK_CLASS}::int, hashtext(${loadId}::text) & 2147483647)`;
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${LOAD_LOCK_CLASS}::int, hashtext(${loadId}::text) & 2147483647)`.catch(() => {});
    }
  })();
  heldInThisProcess.set(loadId, running);
  try {
    return { busy: false, result: await running };
  } finally {
    heldInThisProcess.delete(loadId);
  }
}
