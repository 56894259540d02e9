import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { nameKeys, NAME_REFERENCES } from '.';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const databaseKeys = async (name: string) => [...(await database.db.execute<{ keys: string[] }>(sql`select name_keys(${name}) as keys`))][0]!.keys;
const canonical = (keys: string[]) => [keys[0], ...keys.slice(1).sort()];

const referenceNames = [...new Set(NAME_REFERENCES.flatMap((r) => [...r.family, ...r.given].flatMap((line) => line.split('|'))))];
// Letters as names arrive from forms and source systems: accented and special letters, apostrophes of several
// kinds, spaces, hyphens, dots, digits and capitals anywhere.
const pieces = ['a', 'e', 'o', 'm', 'c', 'n', 'Mac', 'Mc', "O'", 'Ó ', 'Ní ', 'ß', 'Ł', 'ø', 'Æ', 'đ', 'Ñ', 'ễ', 'İ', 'ı', '’', 'ʼ', '`', '.', '-', ' ', '  ', '3', 'Þ', 'œ', 'É', 'ç', 'ﬁ', 'x', 'z'];

describe('the database folds a name exactly as lib/names does', () => {
  it('for every name in the reference', async () => {
    const literal = `{${referenceNames.map((n) => `"${n.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
    const rows = [...(await database.db.execute<{ name: string; keys: string[] }>(sql`select n as name, name_keys(n) as keys from unnest(${literal}::text[]) n`))];
    expect(rows).toHaveLength(referenceNames.length);
    for (const { name, keys } of rows) expect(canonical(keys), name).toEqual(canonical(nameKeys(name)));
  });

  it('for hostile spellings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...referenceNames), fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((p) => p.join(''))),
        async (name) => {
          expect(canonical(await databaseKeys(name))).toEqual(canonical(nameKeys(name)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
