import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { dayFromIso } from './population/dates';
import { seedPopulation } from './seed-population';

// The bulk path (bare tables, then indexes) needs COPY, which only a PostgreSQL server offers.
const onServer = Boolean(process.env.DATABASE_URL);

let database: TestDatabase;
beforeAll(async () => {
  if (onServer) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function structure() {
  const indexes = await database.sql<{ line: string }[]>`
    select tablename || ': ' || indexdef as line from pg_indexes where schemaname = 'public' order by 1`;
  const constraints = await database.sql<{ line: string }[]>`
    select conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid) as line
    from pg_constraint where connamespace = 'public'::regnamespace order by 1`;
  return [...indexes, ...constraints].map((r) => r.line);
}

describe.runIf(onServer)('a bulk load into a PostgreSQL server (PostgreSQL only: the embedded database takes no COPY)', () => {
  it('loads through COPY and puts back every index and constraint exactly as the migrations made them', async () => {
    const before = await structure();
    const report = await seedPopulation({ connection: database, children: 2_000, seed: 5, asOf: dayFromIso('2026-11-25'), bulk: true });
    expect(report.children).toBe(2_000);
    expect(report.rows.children).toBe(2_000);
    expect(await structure()).toEqual(before);
    const count = (await database.sql<{ count: number }[]>`select count(*)::int as count from children`)[0]!.count;
    expect(count).toBe(2_000);
  });

  it('leaves a database whose foreign keys hold: every link points at a row that exists', async () => {
    const orphans = (await database.sql<{ orphans: number }[]>`
      select (select count(*) from child_carers cc where not exists (select 1 from carers c where c.id = cc.carer_id))
           + (select count(*) from child_addresses ca where not exists (select 1 from addresses a where a.id = ca.address_id))
           + (select count(*) from involvements i where not exists (select 1 from children c where c.id = i.child_id)) as orphans`)[0]!.orphans;
    expect(Number(orphans)).toBe(0);
  });
});
