import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, otherNames, staffUsers } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import type { TChildSearch } from '@/lib/validation/child-search';
import { findChildren, type SearchActor } from './find-children';

let database: TestDatabase;
let actor: SearchActor;
type Child = typeof children.$inferSelect;
let sample: Child[];
/** Children known before by another family name that sounds nothing like their own. */
let renamed: { former: string; child: Child }[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 3_000, seed: 22, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const [teacher] = await database.db.select().from(staffUsers).where(eq(staffUsers.username, 'demo.teacher'));
  actor = { id: teacher!.id, organisationId: teacher!.organisationId, kind: 'staff' };
  sample = await database.db
    .select()
    .from(children)
    .where(sql`not ${children.isShielded} and ${children.addressStatus} = 'current' and length(${children.familyName}) >= 5`)
    .orderBy(children.indexNumber)
    .limit(20);
  renamed = (
    await database.db
      .select({ former: otherNames.familyName, child: children })
      .from(otherNames)
      .innerJoin(children, eq(children.id, otherNames.childId))
      .where(
        and(
          eq(otherNames.kind, 'former'),
          sql`length(${otherNames.familyName}) >= 5 and not ${children.isShielded} and ${children.addressStatus} = 'current'`,
          sql`dmetaphone(${otherNames.familyName}) <> ${children.familyNamePhonetic} and similarity(${otherNames.familyName}, ${children.familyName}) < 0.3`,
        ),
      )
      .orderBy(children.indexNumber)
      .limit(10)
  ).map((r) => ({ former: r.former, child: r.child }));
  if (renamed.length < 5) throw new Error('the seed should include former names');
});
afterAll(async () => {
  await database?.drop();
});

const search = (fields: Partial<TChildSearch>) =>
  findChildren({ db: database.db, actor, search: { reason: 'working_with_child', ...fields } as TChildSearch });
const matchFor = async (fields: Partial<TChildSearch>, childId: string) => {
  const result = await search(fields);
  return result.outcome === 'matches' ? result.matches.find((m) => m.childId === childId) : undefined;
};
const firstName = (c: Child) => c.givenNames.split(' ')[0]!;
const typo = (name: string) => name.slice(0, 2) + (name[2] === 'e' ? 'a' : 'e') + name.slice(3);
const district = (c: Child) => c.postcode!.split(' ')[0]!;

async function merge(pairs: [from: Child, into: Child][]) {
  for (const [from, into] of pairs) await database.db.update(children).set({ status: 'merged', mergedIntoId: into.id }).where(eq(children.id, from.id));
}
async function unmerge(records: Child[]) {
  await database.db.update(children).set({ status: 'live', mergedIntoId: null }).where(inArray(children.id, records.map((c) => c.id)));
}

describe('former family names', () => {
  it.each([
    ['date of birth', ({ former, child }: (typeof renamed)[number]) => ({ familyName: typo(former), givenName: firstName(child), dateOfBirth: child.dateOfBirth })],
    ['postcode district', ({ former, child }: (typeof renamed)[number]) => ({ familyName: typo(former), givenName: firstName(child), postcode: district(child) })],
    ['full postcode', ({ former, child }: (typeof renamed)[number]) => ({ familyName: former, postcode: child.postcode! })],
  ])('find the child by a former family name, even misspelt, with a %s, and say so', async (_, makeSearch) => {
    for (const entry of renamed) {
      const match = await matchFor(makeSearch(entry), entry.child.id);
      expect(match, entry.former).toBeDefined();
      expect(match!.familyName).toBe(entry.child.familyName);
      expect(match!.reasons.some((r) => r.startsWith('former family name'))).toBe(true);
    }
  });

  it('follow the child when their address changes', async () => {
    const { former, child } = renamed[0]!;
    const elsewhere = sample.find((c) => district(c) !== district(child))!;
    await database.db.update(children).set({ postcode: elsewhere.postcode }).where(eq(children.id, child.id));
    try {
      expect(await matchFor({ familyName: former, givenName: firstName(child), postcode: district(elsewhere) }, child.id)).toBeDefined();
      expect(await matchFor({ familyName: former, givenName: firstName(child), postcode: district(child) }, child.id)).toBeUndefined();
    } finally {
      await database.db.update(children).set({ postcode: child.postcode }).where(eq(children.id, child.id));
    }
  });

  it('never find a shielded child by postcode', async () => {
    const { former, child } = renamed[1]!;
    await database.db.update(children).set({ isShielded: true }).where(eq(children.id, child.id));
    try {
      expect(await matchFor({ familyName: former, givenName: firstName(child), postcode: district(child) }, child.id)).toBeUndefined();
      expect(await matchFor({ familyName: former, postcode: child.postcode! }, child.id)).toBeUndefined();
      expect(await matchFor({ familyName: former, dateOfBirth: child.dateOfBirth }, child.id)).toMatchObject({ shielded: true, postcodeDistrict: null });
    } finally {
      await database.db.update(children).set({ isShielded: false }).where(eq(children.id, child.id));
    }
  });
});

describe('merged-away records', () => {
  it('are answered, by index number or by name, with the record they were merged into, once', async () => {
    const [kept, duplicate] = [sample[3]!, sample[4]!];
    await merge([[duplicate, kept]]);
    try {
      const byNumber = await search({ indexNumber: duplicate.indexNumber });
      expect(byNumber).toMatchObject({ outcome: 'matches', matches: [{ childId: kept.id, indexNumber: kept.indexNumber }] });
      const byName = await search({ familyName: duplicate.familyName, givenName: firstName(duplicate), dateOfBirth: duplicate.dateOfBirth });
      if (byName.outcome !== 'matches') throw new Error('expected matches');
      expect(byName.matches.map((m) => m.childId)).not.toContain(duplicate.id);
      expect(byName.matches.find((m) => m.childId === kept.id)!.reasons).toContain('found through a record merged into this one');
      const [event] = await database.sql<{ child_ids: string[] }[]>`select child_ids from audit_events where action = 'child.search' order by id desc limit 1`;
      expect(event!.child_ids).not.toContain(duplicate.id);
    } finally {
      await unmerge([duplicate]);
    }
  });

  it('shows the record kept once when both it and the merged-away one match', async () => {
    const [kept, duplicate] = [sample[6]!, sample[7]!];
    // A duplicate of the same child: same name and date of birth.
    await database.db.update(children).set({ familyName: kept.familyName, givenNames: kept.givenNames, dateOfBirth: kept.dateOfBirth }).where(eq(children.id, duplicate.id));
    await merge([[duplicate, kept]]);
    try {
      const result = await search({ familyName: kept.familyName, givenName: firstName(kept), dateOfBirth: kept.dateOfBirth });
      if (result.outcome !== 'matches') throw new Error('expected matches');
      expect(result.matches.filter((m) => m.childId === kept.id)).toHaveLength(1);
      expect(result.matches.map((m) => m.childId)).not.toContain(duplicate.id);
    } finally {
      await unmerge([duplicate]);
      await database.db.update(children).set({ familyName: duplicate.familyName, givenNames: duplicate.givenNames, dateOfBirth: duplicate.dateOfBirth }).where(eq(children.id, duplicate.id));
    }
  });

  it('follow a chain of merges to the record kept, and give nothing for a loop', async () => {
    const [first, second, kept] = [sample[8]!, sample[9]!, sample[10]!];
    await merge([[first, second], [second, kept]]);
    try {
      expect(await search({ indexNumber: first.indexNumber })).toMatchObject({ outcome: 'matches', matches: [{ childId: kept.id }] });
      const byName = await search({ familyName: first.familyName, givenName: firstName(first), dateOfBirth: first.dateOfBirth });
      if (byName.outcome !== 'matches') throw new Error('expected matches');
      expect(byName.matches.map((m) => m.childId)).toContain(kept.id);
      expect(byName.matches.map((m) => m.childId)).not.toContain(first.id);
      await merge([[kept, first]]);
      expect(await search({ indexNumber: first.indexNumber })).toEqual(expect.objectContaining({ outcome: 'matches', matches: [] }));
    } finally {
      await unmerge([first, second, kept]);
    }
  });

  it('never show or confirm where a shielded child lives', async () => {
    const [shielded] = await database.db.select().from(children).where(and(eq(children.isShielded, true), eq(children.status, 'live'))).limit(1);
    const duplicate = sample[5]!;
    await merge([[duplicate, shielded!]]);
    try {
      const byPostcode = await search({ familyName: duplicate.familyName, givenName: firstName(duplicate), postcode: duplicate.postcode! });
      expect(byPostcode.outcome === 'matches' && byPostcode.matches.some((m) => m.childId === shielded!.id)).toBe(false);
      const byDistrict = await search({ familyName: duplicate.familyName, givenName: firstName(duplicate), postcode: district(duplicate) });
      expect(byDistrict.outcome === 'matches' && byDistrict.matches.some((m) => m.childId === shielded!.id)).toBe(false);
      // Searched with the merged-away record's postcode as well: the match must not say it is the same.
      const byBirth = await matchFor({ familyName: duplicate.familyName, givenName: firstName(duplicate), dateOfBirth: duplicate.dateOfBirth, postcode: duplicate.postcode! }, shielded!.id);
      expect(byBirth).toMatchObject({ shielded: true, postcodeDistrict: null });
      expect(byBirth!.reasons.filter((r) => r.includes('postcode'))).toEqual([]);
      expect(await search({ indexNumber: duplicate.indexNumber })).toMatchObject({ matches: [{ childId: shielded!.id, shielded: true, postcodeDistrict: null }] });
    } finally {
      await unmerge([duplicate]);
    }
  });

  it('always say which record they went into, and a live record never points anywhere', async () => {
    const [child, other] = [sample[11]!, sample[12]!];
    await expect(database.db.update(children).set({ mergedIntoId: other.id }).where(eq(children.id, child.id))).rejects.toThrow();
    await expect(database.db.update(children).set({ status: 'merged' }).where(eq(children.id, child.id))).rejects.toThrow();
  });
});
