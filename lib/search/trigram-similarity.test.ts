import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { trigramSimilarity } from './trigram-similarity';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

// Names as sources send them: letters with and without accents, hyphens, apostrophes, spaces, capitals.
const nameChar = fc.constantFrom(...'abcdeilmnorstuyzABKMOSZéüøłçñ\'’- '.split(''));
const name = fc.array(nameChar, { minLength: 0, maxLength: 14 }).map((chars) => chars.join(''));

describe('trigramSimilarity', () => {
  it('agrees with pg_trgm’s similarity() on the database the search runs on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 40 }), async (pairs) => {
        const rows = await database.db.execute<{ similarity: number }>(
          sql`select similarity(a, b)::float8 as similarity from jsonb_to_recordset(${JSON.stringify(pairs.map(([a, b]) => ({ a, b })))}::jsonb) as x(a text, b text)`,
        );
        const fromDatabase = [...rows].map((r) => Number(r.similarity));
        pairs.forEach(([a, b], i) => expect(trigramSimilarity(a, b), `${a} / ${b}`).toBeCloseTo(fromDatabase[i]!, 5));
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('scores the pairs the search cares about as pg_trgm does', () => {
    expect(trigramSimilarity('Smith', 'Smith')).toBe(1);
    expect(trigramSimilarity('Oppong', 'Opong')).toBeCloseTo(5 / 8, 5);
    expect(trigramSimilarity('', 'Smith')).toBe(0);
  });
});
