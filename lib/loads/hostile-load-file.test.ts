import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceLoadRejects, sourceLoads } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { AppError } from '@/lib/kernel/errors';
import { FUZZ_RUNS, hostileCsvText, hostileString, isPlainEnglishMessage } from '@/testing/hostile-input';
import { LOAD_COLUMNS } from './load-columns';
import { loadText, makeSource } from '@/testing/load-fixtures';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 73, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

describe('a source load file written by someone hostile', () => {
  it('is refused whole with a plain message, or loaded with a reason for every row it rejects: never anything else', async () => {
    const source = await makeSource(database.db);
    // A row the loader takes as it is, so that every failure below is the spoiled cells' doing.
    const row: Record<string, string> = {
      source_system: source.code,
      source_person_id: 'H1',
      given_names: 'Ottoline',
      family_name: 'Quilwexbly',
      gender: 'F',
      date_of_birth: '2014-05-06',
      address_line1: '1 Loader Row',
      town: 'Testbury',
      postcode: 'LS6 2QT',
    };
    const cells = LOAD_COLUMNS.map((c) => row[c] ?? '');
    // Files of the right shape whose cells hold anything at all, properly quoted: these get as far as the rows' checks.
    const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const wellFormed = fc
      .array(fc.tuple(...cells.map((valid) => fc.oneof({ weight: 4, arbitrary: fc.constant(valid) }, hostileString({ maxLength: 80 }).map(quoted)))), { minLength: 1, maxLength: 8 })
      .map((rows) => [LOAD_COLUMNS.join(','), ...rows.map((r, i) => r.map((cell, c) => (LOAD_COLUMNS[c] === 'source_person_id' && cell === 'H1' ? `H${i}` : cell)).join(','))].join('\r\n'));
    let files = 0;
    const outcomes = { loaded: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(wellFormed, hostileCsvText([...LOAD_COLUMNS], cells)), async (text) => {
        files += 1;
        const loadsBefore = await database.db.$count(sourceLoads, eq(sourceLoads.sourceSystemId, source.id));
        try {
          const { loadId } = await loadText(database.db, source, text, { fileName: `hostile-${files}.csv` });
          const [load] = await database.db.select().from(sourceLoads).where(eq(sourceLoads.id, loadId));
          expect(load!.status).toBe('done');
          outcomes.loaded += 1;
          const rejects = await database.db.select().from(sourceLoadRejects).where(eq(sourceLoadRejects.loadId, loadId));
          for (const reject of rejects) {
            expect(LOAD_COLUMNS as readonly string[]).toContain(reject.field);
            expect(isPlainEnglishMessage(reject.reason), reject.reason).toBe(true);
          }
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(AppError);
          expect(isPlainEnglishMessage((error as AppError).userMessage), (error as AppError).userMessage).toBe(true);
          // Refused whole: nothing of it was kept.
          expect(await database.db.$count(sourceLoads, eq(sourceLoads.sourceSystemId, source.id))).toBe(loadsBefore);
          outcomes.refused += 1;
        }
      }),
      { numRuns: FUZZ_RUNS.database },
    );
    // Both ways out were taken, so the property said something about each.
    expect(outcomes.loaded).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
