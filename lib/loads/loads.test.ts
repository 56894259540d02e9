import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, childAddresses, addresses, sourceIdentities, sourceLoadRejects, sourceLoadRows, sourceLoads, recordVersions, auditEvents } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/db/testing/test-database';
import { loadCsv, loadText, makeSource } from './load-test-helpers';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 30, seed: 71, asOf: '2026-11-25', reset: false });
});
afterAll(async () => {
  await database?.drop();
});

let n = 0;
/** A child's row with unique names, so that it matches no seeded child. */
function person(overrides: Record<string, string> = {}) {
  n += 1;
  return {
    source_system: '',
    source_person_id: `P${n}`,
    given_names: `Ottoline${String.fromCharCode(97 + (n % 26))}`,
    family_name: `Quennell${n}x`,
    gender: 'F',
    date_of_birth: '2016-03-09',
    address_line1: `${n} Loader Row`,
    town: 'Testbury',
    postcode: `LS${(n % 20) + 1} ${n % 10}QT`,
    carer1_given_names: 'Mary',
    carer1_family_name: `Quennell${n}x`,
    carer1_relationship: 'mother',
    carer1_parental_responsibility: 'Y',
    carer1_phone: '0113 496 0000',
    ...overrides,
  };
}

describe('a source load', () => {
  it('creates new children, keeps a reject report of bad rows and loads the rest', async () => {
    const source = await makeSource(database.db);
    const good = [person(), person()].map((p) => ({ ...p, source_system: source.code }));
    const bad = [
      { ...person(), source_system: source.code, date_of_birth: '2016-02-30' },
      { ...person(), source_system: source.code, family_name: '' },
      { ...person(), source_system: source.code, postcode: 'QQ1 1QQQ' },
    ];
    const { loadId } = await loadText(database.db, source, loadCsv([...good, ...bad]));
    const [load] = await database.db.select().from(sourceLoads).where(eq(sourceLoads.id, loadId));
    expect(load!.status).toBe('done');
    expect(load!.counts).toMatchObject({ rows: 5, rejected: 3, created: 2 });
    const rejects = await database.db.select().from(sourceLoadRejects).where(eq(sourceLoadRejects.loadId, loadId)).orderBy(sourceLoadRejects.rowNumber);
    expect(rejects.map((r) => [r.rowNumber, r.field])).toEqual([[4, 'date_of_birth'], [5, 'family_name'], [6, 'postcode']]);
    expect(rejects[0]!.reason).toMatch(/not a real date/);
    const made = await database.db.select().from(children).where(eq(children.familyName, good[0]!.family_name));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ sourceSystemId: source.id, postcode: good[0]!.postcode, isShielded: false });
    const identities = await database.db.select().from(sourceIdentities).where(eq(sourceIdentities.sourceSystemId, source.id));
    expect(identities).toHaveLength(2);
  });
});
