import { and, eq, ne, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childCarers, children, citizenAccounts, citizenRecordLinks, parentAccessAgreements } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { ageOn } from './age';
import { findCitizenAccess, OWN_ACCESS_AGE } from './find-citizen-access';

// The age rules on their boundaries: the day before a 12th birthday, the day itself, and a 29 February birthday,
// for the young person's own link and a parent's. Midday in London on each day, so the time of day decides nothing.

let database: TestDatabase;
let child: { id: string; carerId: string };
let links: { self: string; parent: string; citizenId: string };

const atNoon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);
const addYears = (isoDate: string, years: number) => `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
const dayBefore = (isoDate: string) => new Date(Date.parse(`${isoDate}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function setBirthday(dateOfBirth: string) {
  await database.db.update(children).set({ dateOfBirth }).where(eq(children.id, child.id));
}
const access = async (link: 'self' | 'parent', onDay: string) =>
  findCitizenAccess({ db: database.db, citizenId: links.citizenId, linkId: links[link], now: atNoon(onDay) });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 40, seed: 12, asOf: '2026-11-25', reset: false, demoAccounts: false });
  const [found] = await database.db
    .select({ id: children.id, carerId: childCarers.carerId })
    .from(children)
    .innerJoin(childCarers, and(eq(childCarers.childId, children.id), eq(childCarers.hasParentalResponsibility, true)))
    .where(and(eq(children.isShielded, false), eq(children.status, 'live')))
    .limit(1);
  child = found!;
  const [citizen] = await database.db.insert(citizenAccounts).values({ email: `boundaries.${crypto.randomUUID()}@example.org` }).returning();
  const made = await database.db
    .insert(citizenRecordLinks)
    .values([
      { citizenId: citizen!.id, childId: child.id, relationship: 'self', verificationLevel: 'high', verificationMethod: 'test' },
      { citizenId: citizen!.id, childId: child.id, relationship: 'parent', carerId: child.carerId, verificationLevel: 'high', verificationMethod: 'test' },
    ])
    .returning();
  links = { citizenId: citizen!.id, self: made.find((l) => l.relationship === 'self')!.id, parent: made.find((l) => l.relationship === 'parent')!.id };
});
afterAll(async () => {
  await database?.drop();
});

describe('who sees a record online, on the day the rules change', () => {
  it('the young person: not the day before their 12th birthday, and from the day itself', async () => {
    await setBirthday('2014-06-15');
    const birthday = addYears('2014-06-15', OWN_ACCESS_AGE);
    expect(await access('self', dayBefore(birthday))).toMatchObject({ allowed: false, reason: 'too_young' });
    expect(await access('self', birthday)).toMatchObject({ allowed: true, childId: child.id });
  });

  it('a parent: alone the day before the 12th birthday, and from the day itself only with the young person’s agreement', async () => {
    await setBirthday('2014-06-15');
    const birthday = addYears('2014-06-15', OWN_ACCESS_AGE);
    expect(await access('parent', dayBefore(birthday))).toMatchObject({ allowed: true });
    expect(await access('parent', birthday)).toMatchObject({ allowed: false, reason: 'needs_agreement' });
    const [agreement] = await database.db.insert(parentAccessAgreements).values({ childId: child.id, carerId: child.carerId, agreedAt: atNoon(birthday) }).returning();
    expect(await access('parent', birthday)).toMatchObject({ allowed: true });
    await database.db.update(parentAccessAgreements).set({ withdrawnAt: atNoon(birthday) }).where(eq(parentAccessAgreements.id, agreement!.id));
    expect(await access('parent', birthday)).toMatchObject({ allowed: false, reason: 'needs_agreement' });
  });

  it('someone born on 29 February turns 12 on 1 March in a year without one', async () => {
    await setBirthday('2012-02-29');
    expect(ageOn('2012-02-29', '2024-02-28')).toBe(11);
    expect(ageOn('2012-02-29', '2024-02-29')).toBe(12); // 2024 has a 29 February
    expect(ageOn('2012-02-29', '2023-02-28')).toBe(10);
    expect(ageOn('2012-02-29', '2023-03-01')).toBe(11);
    // 2024 is a leap year: the 12th birthday is the 29th itself.
    expect(await access('self', '2024-02-28')).toMatchObject({ allowed: false, reason: 'too_young' });
    expect(await access('self', '2024-02-29')).toMatchObject({ allowed: true });
    // Born 29 February 2016: the 12th birthday in 2028 (leap) is the 29th; the 11th in 2027 (not leap) is 1 March.
    expect(ageOn('2016-02-29', '2027-02-28')).toBe(10);
    expect(ageOn('2016-02-29', '2027-03-01')).toBe(11);
  });

  it('nobody sees a shielded record, whatever their age or agreement', async () => {
    await setBirthday('2010-01-10');
    await database.db.update(children).set({ isShielded: true }).where(eq(children.id, child.id));
    try {
      expect(await access('self', '2026-12-07')).toMatchObject({ allowed: false, reason: 'shielded' });
      expect(await access('parent', '2026-12-07')).toMatchObject({ allowed: false, reason: 'shielded' });
    } finally {
      await database.db.update(children).set({ isShielded: false }).where(eq(children.id, child.id));
    }
  });

  it('nobody sees a record through a link that is not theirs, was revoked, or leads to a record that left the index', async () => {
    await setBirthday('2010-01-10');
    const today = '2026-12-07';
    // Another citizen's link, and a made-up one.
    const [stranger] = await database.db.insert(citizenAccounts).values({ email: `stranger.${crypto.randomUUID()}@example.org` }).returning();
    expect(await findCitizenAccess({ db: database.db, citizenId: stranger!.id, linkId: links.self, now: atNoon(today) })).toEqual({ allowed: false, reason: 'no_link' });
    expect(await findCitizenAccess({ db: database.db, citizenId: links.citizenId, linkId: crypto.randomUUID(), now: atNoon(today) })).toEqual({ allowed: false, reason: 'no_link' });
    // Revoked.
    await database.db.update(citizenRecordLinks).set({ revokedAt: atNoon(today) }).where(eq(citizenRecordLinks.id, links.self));
    try {
      expect(await access('self', today)).toEqual({ allowed: false, reason: 'no_link' });
    } finally {
      await database.db.update(citizenRecordLinks).set({ revokedAt: null }).where(eq(citizenRecordLinks.id, links.self));
    }
    // Archived, then merged into another record.
    const [other] = await database.db.select({ id: children.id }).from(children).where(ne(children.id, child.id)).limit(1);
    for (const change of [{ status: 'archived' as const }, { status: 'merged' as const, mergedIntoId: other!.id }]) {
      await database.db.update(children).set(change).where(eq(children.id, child.id));
      try {
        expect(await access('self', today), JSON.stringify(change)).toMatchObject({ allowed: false, reason: 'not_available' });
        expect(await access('parent', today), JSON.stringify(change)).toMatchObject({ allowed: false, reason: 'not_available' });
      } finally {
        await database.db.update(children).set({ status: 'live', mergedIntoId: null }).where(eq(children.id, child.id));
      }
    }
    expect(await access('self', today)).toMatchObject({ allowed: true });
  });

  it('a parent without parental responsibility, or not named as a carer on the record, sees nothing even of a small child', async () => {
    await setBirthday('2022-03-03');
    const today = '2026-12-07';
    expect(await access('parent', today)).toMatchObject({ allowed: true });
    await database.db.update(childCarers).set({ hasParentalResponsibility: false }).where(and(eq(childCarers.childId, child.id), eq(childCarers.carerId, child.carerId)));
    try {
      expect(await access('parent', today)).toMatchObject({ allowed: false, reason: 'no_parental_responsibility' });
    } finally {
      await database.db.update(childCarers).set({ hasParentalResponsibility: true }).where(and(eq(childCarers.childId, child.id), eq(childCarers.carerId, child.carerId)));
    }
    const [unnamed] = await database.db
      .insert(citizenRecordLinks)
      .values({ citizenId: links.citizenId, childId: child.id, relationship: 'parent', carerId: null, verificationLevel: 'high', verificationMethod: 'test' })
      .returning();
    expect(await findCitizenAccess({ db: database.db, citizenId: links.citizenId, linkId: unnamed!.id, now: atNoon(today) })).toMatchObject({ allowed: false, reason: 'no_parental_responsibility' });
    // A link naming a carer of another child: not this child's parent at all.
    const ownCarers = database.db.select({ id: childCarers.carerId }).from(childCarers).where(eq(childCarers.childId, child.id));
    const [elsewhere] = await database.db.select({ carerId: childCarers.carerId }).from(childCarers).where(notInArray(childCarers.carerId, ownCarers)).limit(1);
    const [strangers] = await database.db
      .insert(citizenRecordLinks)
      .values({ citizenId: links.citizenId, childId: child.id, relationship: 'parent', carerId: elsewhere!.carerId, verificationLevel: 'high', verificationMethod: 'test' })
      .returning();
    expect(await findCitizenAccess({ db: database.db, citizenId: links.citizenId, linkId: strangers!.id, now: atNoon(today) })).toMatchObject({ allowed: false, reason: 'no_parental_responsibility' });
  });
});
