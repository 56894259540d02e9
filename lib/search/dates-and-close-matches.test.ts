import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { randomIndexNumber } from '@/lib/kernel/index-number';
import type { TChildSearch } from '@/lib/validation/child-search';
import { findChildren, type SearchActor } from './find-children';

let database: TestDatabase;
let staff: SearchActor;
let system: SearchActor;

type NewChild = { givenNames: string; familyName: string; dateOfBirth: string; gender?: 'female' | 'male'; postcode?: string };
async function addChild({ givenNames, familyName, dateOfBirth, gender = 'female', postcode = 'LS6 2AB' }: NewChild): Promise<string> {
  const [row] = await database.db
    .insert(children)
    .values({ indexNumber: randomIndexNumber(), givenNames, familyName, dateOfBirth, gender, addressStatus: 'current', postcode })
    .returning({ id: children.id });
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 200, seed: 31, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const [teacher] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
  staff = { id: teacher!.id, organisationId: teacher!.organisationId, kind: 'staff' };
  system = { id: teacher!.id, organisationId: teacher!.organisationId, kind: 'api_client' };
});
afterAll(async () => {
  await database?.drop();
});

const search = (actor: SearchActor, fields: Partial<TChildSearch>) =>
  findChildren({ db: database.db, actor, search: { reason: 'working_with_child', ...fields } as TChildSearch });

describe('a close name on the date as typed does not stop the search', () => {
  it('finds the child with the very names whose day and month were swapped, first, and the API answers neither', async () => {
    const amelia = await addChild({ givenNames: 'Amelia', familyName: 'Clarke', dateOfBirth: '2015-03-04', postcode: 'LS6 2AB' });
    const amelie = await addChild({ givenNames: 'Amelie', familyName: 'Clarke', dateOfBirth: '2015-04-03', postcode: 'LS6 2AB' });
    const typed = { familyName: 'Clarke', givenName: 'Amelia', dateOfBirth: '2015-04-03' };
    const result = await search(staff, typed);
    if (result.outcome !== 'matches') throw new Error(`expected matches, got ${result.outcome}`);
    const ids = result.matches.map((m) => m.childId);
    expect(ids).toContain(amelia);
    expect(ids).toContain(amelie);
    expect(result.matches.find((m) => m.childId === amelia)!.reasons).toContain('day and month swapped');

    for (const corroborated of [typed, { ...typed, postcode: 'LS6 2AB' }, { ...typed, gender: 'female' as const }]) {
      const answer = await search(system, corroborated);
      expect(answer.outcome === 'matches' ? answer.matches.map((m) => m.childId) : []).not.toContain(amelie);
    }
  });

  it('finds a child one digit out when a namesake with a different given name was born on the date typed', async () => {
    const wanted = await addChild({ givenNames: 'Oskar', familyName: 'Wisniewski', dateOfBirth: '2016-07-21', gender: 'male' });
    await addChild({ givenNames: 'Oscar', familyName: 'Wisniewski', dateOfBirth: '2016-07-22', gender: 'male' });
    const result = await search(staff, { familyName: 'Wisniewski', givenName: 'Oskar', dateOfBirth: '2016-07-22' });
    if (result.outcome !== 'matches') throw new Error(`expected matches, got ${result.outcome}`);
    expect(result.matches.map((m) => m.childId)).toContain(wanted);
  });

  it('still stops at the date typed when a child there has exactly the names typed', async () => {
    const there = await addChild({ givenNames: 'Tobias', familyName: 'Fairweather', dateOfBirth: '2014-05-09' });
    await addChild({ givenNames: 'Tobias', familyName: 'Fairweather', dateOfBirth: '2014-05-08' });
    const result = await search(staff, { familyName: 'Fairweather', givenName: 'Tobias', dateOfBirth: '2014-05-09' });
    if (result.outcome !== 'matches') throw new Error(`expected matches, got ${result.outcome}`);
    expect(result.matches.map((m) => m.childId)).toEqual([there]);
  });
});

describe('no close match rather than too many', () => {
  it('tells the practitioner there is no close match when many children are alike and none has the names typed', async () => {
    const dateOfBirth = '2013-10-17';
    // A dozen children of one family name born that day (a common name at national scale), none called Ottilie.
    for (const givenNames of ['Grace', 'Amelia', 'Isla', 'Freya', 'Ava', 'Mia', 'Poppy', 'Ivy', 'Rosie', 'Evie', 'Sophia', 'Lily']) {
      await addChild({ givenNames, familyName: 'Harrison', dateOfBirth });
    }
    const absent = await search(staff, { familyName: 'Harrison', givenName: 'Ottilie', dateOfBirth });
    expect(absent.outcome).toBe('no_close_match');
    // Without a given name they all agree: rightly "too many", and the given name would narrow it.
    const many = await search(staff, { familyName: 'Harrison', dateOfBirth });
    expect(many.outcome).toBe('too_many');
  });
});
