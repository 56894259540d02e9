import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, localAuthorities, organisations, shields } from './schema';
import { databaseError } from '@/testing/database-error';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function addChild(values: Partial<typeof children.$inferInsert> = {}) {
  const [child] = await database.db
    .insert(children)
    .values({
      indexNumber: `T${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      givenNames: 'Katie Anne',
      familyName: 'Smyth-Jones',
      gender: 'female',
      dateOfBirth: '2015-03-04',
      addressStatus: 'current',
      postcode: 'LS6 2AB',
      ...values,
    })
    .returning();
  return child!;
}

describe('the schema', () => {
  it('has the matching extensions for tolerant search', async () => {
    const rows = await database.sql<{ extname: string }[]>`select extname from pg_extension order by extname`;
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['fuzzystrmatch', 'pg_trgm']));
  });

  it('computes phonetic keys and the postcode district as rows are written', async () => {
    const child = await addChild({ familyName: 'Smith', givenNames: 'Mohammed Ali', postcode: 'B11 4QT' });
    const [row] = await database.sql<{ family: string; alt: string; given: string; district: string; similar: number }[]>`
      select family_name_phonetic as family, family_name_phonetic_alt as alt, given_name_phonetic as given,
             postcode_district as district, similarity(family_name, 'Smyth') as similar
      from children where id = ${child.id}`;
    expect(row).toMatchObject({ family: 'SM0', alt: 'XMT', district: 'B11' });
    const [muhammad] = await database.sql<{ code: string }[]>`select dmetaphone('Muhammad') as code`;
    expect(row!.given).toBe(muhammad!.code);
    expect(row!.similar).toBeGreaterThan(0.3);
  });

  it('indexes children by date of birth and by postcode district for blocked search', async () => {
    const indexes = await database.sql<{ indexname: string; indexdef: string }[]>`
      select indexname, indexdef from pg_indexes where tablename = 'children'`;
    const byName: Record<string, string> = Object.fromEntries(indexes.map((i) => [i.indexname, i.indexdef]));
    expect(byName.children_dob_block_idx).toMatch(/\(date_of_birth\) INCLUDE \(id, index_number, family_name, given_names/);
    expect(byName.children_postcode_block_idx).toMatch(/WHERE \(\(NOT is_shielded\)/);
    expect(byName.children_index_number_key).toBeDefined();
  });

  it('refuses a postcode for a child with no known address', async () => {
    const error = await databaseError(addChild({ addressStatus: 'no_known_address', postcode: 'LS6 2AB' }));
    expect(error.constraint_name).toBe('children_postcode_matches_status');
    const child = await addChild({ addressStatus: 'left_england', postcode: null });
    expect(child.postcode).toBeNull();
  });

  it('refuses a stay-on date without the reason for staying on', async () => {
    const error = await databaseError(addChild({ stayOnUntil: '2030-01-01' }));
    expect(error.constraint_name).toBe('children_stay_on_has_basis');
  });

  it('allows one active shield per child, and a new one once the last is lifted', async () => {
    await database.db
      .insert(localAuthorities)
      .values({ code: 'E08000035', name: 'Leeds', indexTeamPhone: '0113 496 0000', indexTeamEmail: 'index@leeds.example.org' })
      .onConflictDoNothing();
    const child = await addChild();
    const shield = { childId: child.id, responsibleLocalAuthorityCode: 'E08000035', reason: 'Fleeing domestic violence' };
    const [first] = await database.db.insert(shields).values(shield).returning();
    const duplicate = await databaseError(database.db.insert(shields).values(shield));
    expect(duplicate.constraint_name).toBe('shields_one_active_per_child');
    await database.db.update(shields).set({ liftedAt: new Date(), liftReason: 'Risk has passed' }).where(eq(shields.id, first!.id));
    await expect(database.db.insert(shields).values(shield)).resolves.toBeDefined();
  });

  it('keeps index numbers unique', async () => {
    const child = await addChild();
    const error = await databaseError(addChild({ indexNumber: child.indexNumber }));
    expect(error.constraint_name).toBe('children_index_number_key');
  });

  it('refuses an organisation in an unknown local authority', async () => {
    const error = await databaseError(
      database.db.insert(organisations).values({ kind: 'school', name: 'Nowhere Primary', localAuthorityCode: 'E99999999' }),
    );
    expect(error.constraint_name).toBe('organisations_local_authority_code_local_authorities_code_fk');
  });

  it('stores audit events with the records they touched', async () => {
    const child = await addChild();
    await database.db.execute(sql`insert into audit_events (actor_kind, action, reason, child_ids)
      values ('system', 'test.view', 'schema test', array[${child.id}]::uuid[])`);
    const rows = await database.sql`select action from audit_events where ${child.id} = any(child_ids)`;
    expect(rows).toHaveLength(1);
  });
});
