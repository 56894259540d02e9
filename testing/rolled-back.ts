import type { Database, Transaction } from '@/db';

class RolledBack extends Error {}

/** Runs `run` in a transaction and rolls it back whatever happens: for tests that tamper, or act as another role. */
export async function inRolledBackTransaction<T>(db: Database, run: (tx: Transaction) => Promise<T>): Promise<T> {
  let result: T;
  await db
    .transaction(async (tx) => {
      result = await run(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result!;
}
