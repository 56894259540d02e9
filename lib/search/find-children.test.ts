import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { formatIndexNumber } from '@/lib/kernel/index-number';
import type { TChildSearch } from '@/lib/validation/child-search';
import { findChildren, type SearchActor } from './find-children';
import { sharedTrigramPatterns } from './shared-trigram-patterns';

let database: TestDatabase;
let actor: SearchActor;
type Child = typeof children.$inferSelect;
let sample: Child[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 3_000, seed: 21, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const [teacher] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
  actor = { id: teacher!.id, organisationId: teacher!.organisationId, kind: 'staff' };
  sample = await database.db
    .select()
    .from(children)
    .where(sql`not ${children.isShielded} and ${children.addressStatus} = 'current' and length(${children.familyName}) >= 5`)
    .orderBy(children.indexNumber)
    .limit(40);
});
afterAll(async () => {
  await database?.drop();
});

const search = (fields: Partial<TChildSearch>) =>
  findChildren({ db: database.db, actor, search: { reason: 'working_with_child', ...fields } as TChildSearch });

const firstName = (c: Child) => c.givenNames.split(' ')[0]!;
const typo = (name: string) => name.slice(0, 2) + (name[2] === 'e' ? 'a' : 'e') + name.slice(3); // one letter wrong
const transposed = (name: string) => name.slice(0, 1) + name[2] + name[1] + name.slice(3);
const dropped = (name: string) => name.slice(0, 3) + name.slice(4);
const swapDayMonth = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : null;
};
const oneDigitOut = (iso: string) => iso.slice(0, 9) + ((Number(iso[9]) + 1) % 10 || 1);

async function foundShare(makeSearch: (c: Child) => Partial<TChildSearch> | null) {
  let tried = 0;
  let found = 0;
  for (const child of sample) {
    const fields = makeSearch(child);
    if (!fields) continue;
    tried += 1;
    const result = await search(fields);
    if (result.outcome === 'matches' && result.matches.some((m) => m.childId === child.id)) found += 1;
  }
  expect(tried).toBeGreaterThan(5);
  return found / tried;
}

describe('search finds the right child despite real mistakes', () => {
  it.each([
    ['exact name and date of birth', (c: Child) => ({ familyName: c.familyName, givenName: firstName(c), dateOfBirth: c.dateOfBirth })],
    ['a misspelt family name', (c: Child) => ({ familyName: typo(c.familyName), givenName: firstName(c), dateOfBirth: c.dateOfBirth })],
    ['two letters transposed', (c: Child) => ({ familyName: transposed(c.familyName), dateOfBirth: c.dateOfBirth })],
    ['a letter missed out', (c: Child) => ({ familyName: dropped(c.familyName), givenName: firstName(c), dateOfBirth: c.dateOfBirth })],
    ['day and month swapped', (c: Child) => (swapDayMonth(c.dateOfBirth) ? { familyName: c.familyName, dateOfBirth: swapDayMonth(c.dateOfBirth)! } : null)],
    ['a date of birth one digit out', (c: Child) => ({ familyName: c.familyName, givenName: firstName(c), dateOfBirth: oneDigitOut(c.dateOfBirth) })],
    ['given and family names swapped', (c: Child) => ({ familyName: firstName(c), givenName: c.familyName, dateOfBirth: c.dateOfBirth })],
    ['family name and postcode', (c: Child) => ({ familyName: c.familyName, givenName: firstName(c), postcode: c.postcode! })],
    ['a misspelt family name, given name and postcode district', (c: Child) => ({ familyName: typo(c.familyName), givenName: firstName(c), postcode: c.postcode!.split(' ')[0] })],
  ])('%s', async (_, makeSearch) => {
    expect(await foundShare(makeSearch)).toBeGreaterThanOrEqual(0.9);
  });

  it('one part of a double-barrelled family name, either part', async () => {
    // A child of its own: the test must not depend on whether the seed happened to make such a name.
    const child = await createChildFixture(database.db, { familyName: 'Penhaligon-Ashworth', dateOfBirth: '2016-02-02' });
    for (const part of ['Ashworth', 'Penhaligon']) {
      const result = await search({ familyName: part, dateOfBirth: '2016-02-02' });
      expect(result.outcome === 'matches' && result.matches.some((m) => m.childId === child.childId), part).toBe(true);
    }
  });

  it('an index number typed in lower case with spaces', async () => {
    const child = sample[0]!;
    const result = await search({ indexNumber: formatIndexNumber(child.indexNumber).toLowerCase() });
    expect(result).toMatchObject({ outcome: 'matches', matches: [{ childId: child.id, score: 100, reasons: ['index number matches'] }] });
  });

  it('ranks the exact child first, with reasons, and shows only a postcode district', async () => {
    const child = sample[1]!;
    const result = await search({ familyName: child.familyName, givenName: firstName(child), dateOfBirth: child.dateOfBirth });
    if (result.outcome !== 'matches') throw new Error('expected matches');
    expect(result.matches[0]).toMatchObject({ childId: child.id, score: 100, postcodeDistrict: child.postcode!.split(' ')[0] });
    expect(result.matches[0]!.reasons).toEqual(expect.arrayContaining(['family name matches', 'date of birth matches']));
    expect(result.matches.length).toBeLessThanOrEqual(10);
  });
});

describe('shielded children', () => {
  it('are never found by postcode, and found by name and date of birth without any hint of where they live', async () => {
    const [child] = await database.db.select().from(children).where(eq(children.isShielded, true)).limit(1);
    if (!child?.postcode) throw new Error('the seed should include a shielded child with an address');
    const byPostcode = await search({ familyName: child.familyName, givenName: firstName(child), postcode: child.postcode });
    expect(byPostcode.outcome === 'matches' && byPostcode.matches.some((m) => m.childId === child.id)).toBe(false);
    const byBirth = await search({ familyName: child.familyName, givenName: firstName(child), dateOfBirth: child.dateOfBirth, postcode: child.postcode });
    if (byBirth.outcome !== 'matches') throw new Error('expected matches');
    const match = byBirth.matches.find((m) => m.childId === child.id)!;
    expect(match).toMatchObject({ shielded: true, postcodeDistrict: null });
    expect(match.reasons).not.toContain('same postcode district');
  });
});

describe('the audit trail', () => {
  it('records every search with the user, the reason, the criteria and the records returned', async () => {
    const child = sample[2]!;
    const result = await search({ familyName: child.familyName, dateOfBirth: child.dateOfBirth, reason: 'other', reasonDetail: 'Checking before a home visit' });
    if (result.outcome !== 'matches') throw new Error('expected matches');
    const [event] = await database.sql<{ actor_id: string; reason: string; query: { familyName: string }; child_ids: string[] }[]>`
      select actor_id, reason, query, child_ids from audit_events where action = 'child.search' order by id desc limit 1`;
    expect(event).toMatchObject({ actor_id: actor.id, reason: 'other: Checking before a home visit', query: { familyName: child.familyName } });
    expect(event!.child_ids).toEqual(result.matches.map((m) => m.childId));
  });
});

describe('the cheap test before trigram similarity', () => {
  it('never turns away a name that is spelt similarly (similarity 0.3 or more)', async () => {
    const typedNames = sample.flatMap((c) => [c.familyName, typo(c.familyName), transposed(c.familyName), dropped(c.familyName), `${c.familyName}-Jones`, `O'${c.familyName}`]);
    for (const typed of typedNames) {
      const { triples, pairs, pairsUpToLength } = sharedTrigramPatterns(typed);
      const [missed] = await database.sql<{ n: number }[]>`
        select count(*)::int as n from (select distinct family_name from children) names
        where similarity(family_name, ${typed}) >= 0.3 and not (lower(family_name collate "C") like any(${triples}::text[])
          or (length(family_name) <= ${pairsUpToLength} and lower(family_name collate "C") like any(${pairs}::text[])))`;
      expect(missed!.n, typed).toBe(0);
    }
  });
});
