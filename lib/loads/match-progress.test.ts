import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { fromText, loadCsv, makeSource, person } from '@/testing/load-fixtures';
import { matchLoad } from './match-load';
import { measureLoadProgress } from './measure-load-progress';
import { stageLoad } from './stage-load';
import { viewLoad } from './view-load';

// eslint-disable-next-line no-restricted-syntax -- which database the suite runs on decides what it can show
const onPostgres = Boolean(process.env.DATABASE_URL);
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 37, asOf: '2026-11-25', reset: false, demoAccounts: false });
});
afterAll(async () => {
  await database?.drop();
});

describe('a load’s page while it is matched', () => {
  it.skipIf(!onPostgres)(
    'shows the step matching has reached before its one transaction commits, and forgets it once matched (PostgreSQL only: the embedded database has one connection, the transaction’s)',
    async () => {
      const source = await makeSource(database.db);
      const { loadId } = await stageLoad({ db: database.db, source, fileName: 'progress.csv', open: fromText(loadCsv([person(source), person(source)])), asOf: '2026-11-30', submittedBy: { kind: 'api_client', id: null } });
      const viewer = { organisationId: source.organisationId, national: false };
      const staged = await viewLoad({ db: database.db, viewer, loadId });
      expect(staged).toMatchObject({ status: 'staged', matchStep: null });

      // Another session holds a table matching needs, so matching stops part way, inside its transaction.
      const blocker = await database.sql.reserve();
      await blocker`begin`;
      await blocker`lock table source_identities in access exclusive mode`;
      const matching = matchLoad({ db: database.db, loadId });
      let seen = staged;
      for (let tries = 0; tries < 100 && seen.matchStep === null; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        seen = await viewLoad({ db: database.db, viewer, loadId });
      }
      expect(seen).toMatchObject({ status: 'staged', matchStep: 'source_ids' });
      expect(measureLoadProgress(seen).percent).toBeGreaterThan(measureLoadProgress(staged).percent);
      expect(measureLoadProgress(seen).percent).toBeLessThan(measureLoadProgress({ ...seen, status: 'matched' }).percent);
      await blocker`commit`;
      blocker.release();
      await matching;

      expect(await viewLoad({ db: database.db, viewer, loadId })).toMatchObject({ status: 'matched', matchStep: null });
    },
  );
});
