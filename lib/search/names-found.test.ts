import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, otherNames } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { randomIndexNumber } from '@/lib/kernel/index-number';
import type { TChildSearch } from '@/lib/validation/child-search';
import { rankChildren } from './rank-children';

/**
 * Children the filter used to leave unscored, though the score would have ranked them first: one family name in
 * its Irish-language and anglicised forms, and one part of a double-barrelled name typed alone.
 */
let database: TestDatabase;
const held = new Map<string, string>();
const DATE_OF_BIRTH = '2016-02-11';

const heldChildren = [
  { familyName: 'Ó Súilleabháin', givenNames: 'Aoife Mary' },
  { familyName: "O'Brien", givenNames: 'Niamh' },
  { familyName: 'Mac Giolla Phádraig', givenNames: 'Tadhg' },
  { familyName: 'Abercrombie-Fox', givenNames: 'Jessica' },
  { familyName: 'Featherstonehaugh Ng', givenNames: 'Wei' },
  { familyName: 'Ahmed', givenNames: 'Zainab' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  for (const child of heldChildren) {
    const [row] = await database.db
      .insert(children)
      .values({ ...child, indexNumber: randomIndexNumber(), gender: 'female', dateOfBirth: DATE_OF_BIRTH, addressStatus: 'current', postcode: 'ZZ8 1AB' })
      .returning({ id: children.id });
    held.set(child.familyName, row!.id);
  }
  const [renamed] = await database.db
    .insert(children)
    .values({ familyName: 'Wright', givenNames: 'Saoirse', indexNumber: randomIndexNumber(), gender: 'female', dateOfBirth: DATE_OF_BIRTH, addressStatus: 'current', postcode: 'ZZ8 1AB' })
    .returning({ id: children.id });
  await database.db.insert(otherNames).values({ childId: renamed!.id, kind: 'former', givenNames: 'Saoirse', familyName: 'Ní Mhathúna' });
  held.set('Wright', renamed!.id);
});
afterAll(async () => {
  await database?.drop();
});

const firstFound = async (fields: Partial<TChildSearch>) => {
  const ranking = await rankChildren(database.db, { reason: 'working_with_child', ...fields } as TChildSearch);
  return ranking.outcome === 'ranked' ? ranking.ranked[0]?.childId : undefined;
};

describe('a family name in its Irish-language and anglicised forms is one name', () => {
  it.each([
    ["O'Sullivan", 'Aoife', 'Ó Súilleabháin'],
    ['Sullivan', 'Aoife', 'Ó Súilleabháin'],
    ['Ní Bhriain', 'Niamh', "O'Brien"],
    ['Fitzpatrick', 'Tadhg', 'Mac Giolla Phádraig'],
  ])('typed %s (given name %s) finds the child held as %s, by date of birth and by postcode district', async (familyName, givenName, heldAs) => {
    expect(await firstFound({ familyName, givenName, dateOfBirth: DATE_OF_BIRTH })).toBe(held.get(heldAs));
    expect(await firstFound({ familyName, givenName, postcode: 'ZZ8' })).toBe(held.get(heldAs));
  });
});

describe('one part of a double-barrelled or two-word family name, with the exact given name and date of birth', () => {
  it.each([
    ['Fox', 'Jessica', 'Abercrombie-Fox'],
    ['Ng', 'Wei', 'Featherstonehaugh Ng'],
  ])('typed %s (given name %s) finds the child held as %s', async (familyName, givenName, heldAs) => {
    expect(await firstFound({ familyName, givenName, dateOfBirth: DATE_OF_BIRTH })).toBe(held.get(heldAs));
  });
});

describe('a transliteration typed for a child held under another', () => {
  it('finds Zainab Ahmed typed as Axmed', async () => {
    expect(await firstFound({ familyName: 'Axmed', givenName: 'Zaynab', dateOfBirth: DATE_OF_BIRTH })).toBe(held.get('Ahmed'));
  });
});

describe('a former family name in another form', () => {
  it('typed Mahony finds the child once known as Ní Mhathúna, by date of birth and by postcode district', async () => {
    expect(await firstFound({ familyName: 'Mahony', givenName: 'Saoirse', dateOfBirth: DATE_OF_BIRTH })).toBe(held.get('Wright'));
    expect(await firstFound({ familyName: 'Mahony', givenName: 'Saoirse', postcode: 'ZZ8' })).toBe(held.get('Wright'));
  });
});
