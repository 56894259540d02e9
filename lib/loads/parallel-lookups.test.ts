import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { inParallelLookups } from './parallel-lookups';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('parallel lookups', () => {
  it('plans its statement with merge and hash joins off, and gives the transaction back its own settings', async () => {
    await database.db.$client.begin(async (tx) => {
      await tx`set local enable_mergejoin = off`;
      const during = await inParallelLookups(tx, () => tx<{ merge: string; hash: string }[]>`
        select current_setting('enable_mergejoin') as merge, current_setting('enable_hashjoin') as hash`);
      expect(during[0]).toEqual({ merge: 'off', hash: 'off' });
      const [after] = await tx<{ merge: string; hash: string }[]>`
        select current_setting('enable_mergejoin') as merge, current_setting('enable_hashjoin') as hash`;
      expect(after).toEqual({ merge: 'off', hash: 'on' });
    });
  });
});
