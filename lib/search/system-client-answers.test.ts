import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, sourceIdentities, sourceSystems, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { randomIndexNumber } from '@/lib/kernel/index-number';
import type { TChildSearch } from '@/lib/validation/child-search';
import { findChildren, type SearchActor } from './find-children';
import { nameAgreement, namesAgreeForSystemClient } from './name-agreement';

let database: TestDatabase;
let system: SearchActor;

type NewChild = { givenNames: string; familyName: string; dateOfBirth: string; gender?: 'female' | 'male'; postcode?: string | null; shielded?: boolean };
async function addChild({ givenNames, familyName, dateOfBirth, gender = 'male', postcode = 'LS6 2AB', shielded = false }: NewChild): Promise<string> {
  const [row] = await database.db
    .insert(children)
    .values({ indexNumber: randomIndexNumber(), givenNames, familyName, dateOfBirth, gender, addressStatus: 'current', postcode: shielded ? null : postcode, isShielded: shielded })
    .returning({ id: children.id });
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 200, seed: 32, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const [teacher] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
  // A system client of the teacher's organisation (its key does not matter here: findChildren takes the actor).
  system = { id: teacher!.id, organisationId: teacher!.organisationId, kind: 'api_client' };
});
afterAll(async () => {
  await database?.drop();
});

const ask = async (fields: Partial<TChildSearch>) => {
  const result = await findChildren({ db: database.db, actor: system, search: { reason: 'working_with_child', ...fields } as TChildSearch });
  const matches = result.outcome === 'matches' ? result.matches : [];
  expect(matches.length).toBeLessThanOrEqual(1);
  return { childId: matches[0]?.childId ?? null, withheld: result.withheld };
};

describe('hostile and colliding data: the API answers only when a person would be sure', () => {
  it('gives no child for a namesake in the district when no date of birth was sent, and asks for one', async () => {
    await addChild({ givenNames: 'Noah', familyName: 'Whitfield', dateOfBirth: '2017-02-11', postcode: 'LS7 3AA' });
    expect(await ask({ familyName: 'Whitfield', givenName: 'Noah', postcode: 'LS7' })).toEqual({ childId: null, withheld: { reason: 'needs_date_of_birth', toAdd: ['dateOfBirth'] } });
    expect(await ask({ familyName: 'Whitfield', givenName: 'Noah', postcode: 'LS7 3AA' })).toMatchObject({ childId: null, withheld: { reason: 'needs_date_of_birth' } });
  });

  it('gives no child on name and date of birth alone, and asks for a postcode or the source id', async () => {
    const only = await addChild({ givenNames: 'Idris', familyName: 'Pemberton', dateOfBirth: '2012-08-30', postcode: 'CF10 1AA' });
    expect(await ask({ familyName: 'Pemberton', givenName: 'Idris', dateOfBirth: '2012-08-30', gender: 'male' })).toEqual({
      childId: null,
      withheld: { reason: 'needs_corroboration', toAdd: ['postcode', 'sourcePersonId'] },
    });
    expect(await ask({ familyName: 'Pemberton', givenName: 'Idris', dateOfBirth: '2012-08-30', postcode: 'CF10 1AA' })).toEqual({ childId: only, withheld: undefined });
  });

  it('gives neither of two children with the same names and birthday, unless the postcode or the source id separates them', async () => {
    const leeds = await addChild({ givenNames: 'Aisha', familyName: 'Rahman', dateOfBirth: '2014-11-02', gender: 'female', postcode: 'LS8 1QQ' });
    const bradford = await addChild({ givenNames: 'Aisha', familyName: 'Rahman', dateOfBirth: '2014-11-02', gender: 'female', postcode: 'BD3 9LL' });
    const typed = { familyName: 'Rahman', givenName: 'Aisha', dateOfBirth: '2014-11-02' };
    expect((await ask({ ...typed, gender: 'female' })).childId).toBeNull();
    expect(await ask({ ...typed, postcode: 'LS8' })).toMatchObject({ childId: null, withheld: { reason: 'needs_corroboration', toAdd: ['postcode', 'sourcePersonId'] } });
    expect((await ask({ ...typed, postcode: 'LS8 1QQ' })).childId).toBe(leeds);
    expect((await ask({ ...typed, postcode: 'BD3 9LL' })).childId).toBe(bradford);

    const [source] = await database.db
      .insert(sourceSystems)
      .values({ code: `test-school-${Date.now()}`, name: 'A school census feed', kind: 'school_census', organisationId: system.organisationId })
      .returning();
    await database.db.insert(sourceIdentities).values({ sourceSystemId: source!.id, sourcePersonId: 'UPN-4471', childId: bradford, firstSeenOn: '2025-09-01', lastSeenOn: '2026-09-01' });
    expect((await ask({ ...typed, sourcePersonId: 'UPN-4471' })).childId).toBe(bradford);
    expect((await ask({ ...typed, sourcePersonId: 'UPN-4471', sourceSystem: source!.code })).childId).toBe(bradford);
    // The id cites the other child: a person should look.
    expect(await ask({ ...typed, postcode: 'LS8 1QQ', sourcePersonId: 'UPN-4471' })).toMatchObject({ childId: null, withheld: { reason: 'source_id_elsewhere' } });
    // Another organisation's source ids are not this client's to cite.
    const stranger = { ...system, organisationId: (await database.sql<{ id: string }[]>`select id from organisations where id <> ${system.organisationId} limit 1`)[0]!.id };
    const result = await findChildren({ db: database.db, actor: stranger, search: { reason: 'working_with_child', ...typed, sourcePersonId: 'UPN-4471' } as TChildSearch });
    expect(result.outcome === 'matches' ? result.matches : []).toEqual([]);
  });

  it('gives no child when the one wanted is absent and a near namesake is held: a sound-alike given name, a swapped date', async () => {
    await addChild({ givenNames: 'Euan', familyName: 'Gallagher', dateOfBirth: '2013-04-07', postcode: 'G12 8QQ' });
    expect(await ask({ familyName: 'Gallagher', givenName: 'Owen', dateOfBirth: '2013-04-07', postcode: 'G12 8QQ' })).toMatchObject({ childId: null, withheld: { reason: 'only_close_matches' } });
    expect(await ask({ familyName: 'Gallagher', givenName: 'Euan', dateOfBirth: '2013-07-04', postcode: 'G12 8QQ' })).toMatchObject({ childId: null });
    expect(await ask({ familyName: 'Galagher', givenName: 'Euan', dateOfBirth: '2013-04-07', postcode: 'G12 8QQ' })).toMatchObject({ childId: null });
  });

  it('gives no child when the one wanted is absent and their twin at the same postcode has a variant of their name', async () => {
    const nicole = await addChild({ givenNames: 'Nicole', familyName: 'Farley', dateOfBirth: '2019-02-27', gender: 'female', postcode: 'ME5 9GD' });
    // Nicola, her twin, is not on the index.
    expect(await ask({ familyName: 'Farley', givenName: 'Nicola', dateOfBirth: '2019-02-27', postcode: 'ME5 9GD' })).toEqual({
      childId: null,
      withheld: { reason: 'given_name_variant', toAdd: ['sourcePersonId'] },
    });
    expect((await ask({ familyName: 'Farley', givenName: 'Nicole', dateOfBirth: '2019-02-27', postcode: 'ME5 9GD' })).childId).toBe(nicole);
  });

  it('gives no child whose namesake born that day is shielded, since no postcode can rule the shielded one out', async () => {
    await addChild({ givenNames: 'Maja', familyName: 'Kowalczyk', dateOfBirth: '2011-01-19', gender: 'female', postcode: 'NG7 2RD' });
    await addChild({ givenNames: 'Maja', familyName: 'Kowalczyk', dateOfBirth: '2011-01-19', gender: 'female', shielded: true });
    expect(await ask({ familyName: 'Kowalczyk', givenName: 'Maja', dateOfBirth: '2011-01-19', postcode: 'NG7 2RD' })).toMatchObject({ childId: null, withheld: { reason: 'another_plausible_child' } });
  });

  it('answers an index number only with the date of birth held for it', async () => {
    const id = await addChild({ givenNames: 'Zara', familyName: 'Osei', dateOfBirth: '2010-06-15', gender: 'female' });
    const [row] = await database.db.select({ indexNumber: children.indexNumber }).from(children).where(eq(children.id, id));
    expect(await ask({ indexNumber: row!.indexNumber })).toMatchObject({ childId: null, withheld: { reason: 'needs_date_of_birth' } });
    expect((await ask({ indexNumber: row!.indexNumber, dateOfBirth: '2010-06-16' })).childId).toBeNull();
    expect((await ask({ indexNumber: row!.indexNumber, dateOfBirth: '2010-06-15' })).childId).toBe(id);
  });
});

describe('a crowd of look-alikes, searched for at random', () => {
  const FAMILIES = ['Begum', 'Begam', 'Khan', 'Khan-Ali', 'Ali', 'Hussain', 'Hussein', 'Smith', 'Smyth', 'Nowak'];
  const GIVENS = ['Mohammed', 'Muhammad', 'Mohamed', 'Amir', 'Amira', 'Oliver', 'Alfred', 'Owen', 'Euan', 'Zofia', 'Sofia'];
  const DATES = ['2016-03-04', '2016-04-03', '2016-03-05', '2016-03-14'];
  const POSTCODES = ['B11 1AA', 'B11 1AB', 'B10 0QQ', 'BD8 7ES'];
  type Held = { id: string; familyName: string; givenNames: string; dateOfBirth: string; postcode: string };
  const crowd: Held[] = [];

  beforeAll(async () => {
    // Deterministic but irregular: every combination is not there, and some are there twice.
    let n = 7;
    const next = (k: number) => ((n = (n * 1103515245 + 12345) % 2147483648), n % k);
    for (let i = 0; i < 160; i++) {
      const held = { familyName: FAMILIES[next(FAMILIES.length)]!, givenNames: GIVENS[next(GIVENS.length)]!, dateOfBirth: DATES[next(DATES.length)]!, postcode: POSTCODES[next(POSTCODES.length)]! };
      crowd.push({ ...held, id: await addChild(held) });
    }
  });

  it('never answers a child the details do not pin down: wrong names, dates or postcodes, or one of several alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FAMILIES),
        fc.constantFrom(...GIVENS),
        fc.constantFrom(...DATES),
        fc.constantFrom<string | undefined>(...POSTCODES, 'B11', undefined),
        async (familyName, givenName, dateOfBirth, postcode) => {
          const { childId } = await ask({ familyName, givenName, dateOfBirth, postcode });
          const fits = (h: Held) => h.dateOfBirth === dateOfBirth && h.postcode === postcode && namesAgreeForSystemClient(nameAgreement({ familyName, givenName }, h));
          if (childId === null) return;
          const answered = crowd.find((h) => h.id === childId);
          expect(answered && fits(answered)).toBe(true);
          expect(crowd.filter(fits).length).toBe(1);
        },
      ),
      { numRuns: 120 },
    );
  });
});
