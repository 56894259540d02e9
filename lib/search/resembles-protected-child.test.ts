import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { NAME_REFERENCES } from '@/lib/names';
import { prepareIdentity, type PreparedIdentity, resemblesProtectedChild } from './resembles-protected-child';
import { scoreCandidate } from './score';
import { trigramSetSimilarity, trigramsOf } from './trigram-similarity';
import { wouldShow } from './would-show';

/**
 * "Resembles a protected child" (DOMAIN, "Trust rules made explicit") on its own, without a load: each boundary of the
 * rule as an example, and two properties — the rule is the same whichever of the two is called the protected child,
 * and its cheap first tests never turn away a pair the search's own score would show. The double metaphone keys are
 * the database's, as a load row's and a held child's are.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

type Person = { given: string; family: string; former?: string[]; dob: string; gender?: string; postcode?: string | null };

async function keysOf(name: string): Promise<{ phonetic: string | null; phoneticAlt: string | null }> {
  const [row] = [...(await database.db.execute<{ p: string | null; a: string | null }>(sql`select nullif(dmetaphone(${name}), '') as p, nullif(dmetaphone_alt(${name}), '') as a`))];
  return { phonetic: row!.p, phoneticAlt: row!.a };
}

async function identity(p: Person): Promise<PreparedIdentity> {
  const families = [p.family, ...(p.former ?? [])];
  return prepareIdentity({
    givenNames: p.given,
    givenPhonetic: (await keysOf(p.given.split(' ')[0]!)).phonetic,
    familyNames: await Promise.all(families.map(async (familyName, i) => ({ familyName, ...(await keysOf(familyName)), former: i > 0 }))),
    dateOfBirth: p.dob,
    gender: p.gender ?? 'female',
    postcode: p.postcode === undefined ? 'LS6 2AB' : p.postcode,
  });
}

async function resembles(person: Person, protectedChild: Person): Promise<boolean> {
  return resemblesProtectedChild(await identity(person), await identity(protectedChild));
}

const child: Person = { given: 'Amelia', family: 'Whitworth', dob: '2014-03-18', postcode: 'LS6 2AB' };
const elsewhere = { postcode: 'M14 5RT' };

describe('a row resembles a protected child', () => {
  it('when it is the child exactly, wherever it says the child lives', async () => {
    expect(await resembles(child, child)).toBe(true);
    expect(await resembles({ ...child, ...elsewhere }, child)).toBe(true);
    expect(await resembles({ ...child, postcode: null }, child)).toBe(true);
  });

  it('with a one-letter slip in the given name and the birthday a day out (what a load made an open record of)', async () => {
    expect(await resembles({ ...child, given: 'Amelai', dob: '2014-03-19', ...elsewhere }, child)).toBe(true);
    expect(await resembles({ ...child, given: 'Amella', dob: '2014-03-17', ...elsewhere }, child)).toBe(true);
  });

  it('with the day and month swapped, or the family name one letter out', async () => {
    expect(await resembles({ ...child, dob: '2014-08-03', ...elsewhere }, { ...child, dob: '2014-03-08' })).toBe(true);
    expect(await resembles({ ...child, family: 'Whitworht', ...elsewhere }, child)).toBe(true);
  });

  it('by a variant of the given name or a part of a double-barrelled family name', async () => {
    expect(await resembles({ ...child, given: 'Amélie', ...elsewhere }, child)).toBe(true);
    expect(await resembles({ ...child, family: 'Okafor', ...elsewhere }, { ...child, family: 'Whitworth-Okafor' })).toBe(true);
  });

  it('with given and family names the wrong way round', async () => {
    expect(await resembles({ ...child, given: 'Whitworth', family: 'Amelia', ...elsewhere }, child)).toBe(true);
  });

  it('by the birth family name a child with a new identity was known by, on the same birthday', async () => {
    const adopted: Person = { given: 'Amelia', family: 'Castellano', former: ['Whitworth'], dob: '2014-03-18', postcode: 'BS7 8QQ' };
    expect(await resembles({ given: 'Amelia', family: 'Whitworth', dob: '2014-03-18', postcode: 'LS6 2AB' }, adopted)).toBe(true);
  });

  it('with the same birthday (or a slip of it) at the very same postcode, whatever the names', async () => {
    const adoptive: Person = { given: 'Sophie', family: 'Castellano', dob: '2014-03-18', postcode: 'BS7 8QQ' };
    expect(await resembles({ given: 'Grace', family: 'Marlow', dob: '2014-03-18', postcode: 'BS7 8QQ' }, adoptive)).toBe(true);
    expect(await resembles({ given: 'Grace', family: 'Marlow', dob: '2014-03-28', postcode: 'BS7 8QQ' }, adoptive)).toBe(true);
    expect(await resembles({ given: 'Grace', family: 'Marlow', dob: '2016-06-25', postcode: 'BS7 8QQ' }, adoptive)).toBe(false);
    expect(await resembles({ given: 'Grace', family: 'Marlow', dob: '2014-03-18', postcode: 'BS7 8QP' }, adoptive)).toBe(false);
    expect(await resembles({ given: 'Grace', family: 'Marlow', dob: '2014-08-03', postcode: 'BS7 8QQ' }, { ...adoptive, dob: '2014-03-08' })).toBe(true);
  });

  it('by its names in the child’s postcode district, whatever the birthday', async () => {
    expect(await resembles({ ...child, dob: '2011-07-02', postcode: 'LS6 4PP' }, child)).toBe(true);
  });
});

describe('a row does not resemble a protected child', () => {
  it('with another first name, born a digit apart: a sibling or a cousin, not the child under a slip', async () => {
    expect(await resembles({ ...child, given: 'Harriet', dob: '2014-03-19', ...elsewhere }, child)).toBe(false);
  });

  it('with the same names born on another day, in another district', async () => {
    expect(await resembles({ ...child, dob: '2015-09-27', ...elsewhere }, child)).toBe(false);
  });

  it('with another family name on the same birthday elsewhere', async () => {
    expect(await resembles({ ...child, family: 'Pemberton', ...elsewhere }, child)).toBe(false);
  });

  it('with no postcode known for either: having no address is not living at the same one', async () => {
    expect(await resembles({ given: 'Grace', family: 'Marlow', dob: '2014-03-18', postcode: null }, { ...child, postcode: null })).toBe(false);
    expect(await resembles({ ...child, dob: '2011-07-02', postcode: null }, { ...child, postcode: null })).toBe(false);
  });

  it('where the names pass the first cheap tests but the search would score the pair too low to show', async () => {
    expect(await resembles({ given: 'A', family: 'Whitwell', dob: '2014-08-03', ...elsewhere }, { ...child, dob: '2014-03-08' })).toBe(false);
  });

  it('with the birthday two digits out and the names the same, elsewhere', async () => {
    expect(await resembles({ ...child, dob: '2014-04-28', ...elsewhere }, child)).toBe(false);
  });
});

// Names from the reference, written as a careless source system might send them.
const groups = (kind: 'given' | 'family') => NAME_REFERENCES.flatMap((r) => r[kind].map((line) => line.split('|')));
const slipped = (s: string, at: number) => (s.length < 4 ? s : s.slice(0, 1 + (at % (s.length - 2))) + s.slice(2 + (at % (s.length - 2))));
const nameFrom = (kind: 'given' | 'family') =>
  fc.tuple(fc.constantFrom(...groups(kind)), fc.nat(), fc.nat(), fc.boolean()).map(([group, a, b, slip]) => {
    const held = group[a % group.length]!;
    const typed = group[b % group.length]!;
    return { held, typed: slip ? slipped(typed, a) : typed };
  });
const dateNear = fc.constantFrom('2014-03-18', '2014-03-19', '2014-03-28', '2013-03-18', '2014-11-08', '2015-09-27');
const postcode = fc.constantFrom('LS6 2AB', 'LS6 9ZZ', 'M14 5RT', null);

describe('the rule', () => {
  it('is the same whichever of the two is the protected child', async () => {
    await fc.assert(
      fc.asyncProperty(nameFrom('given'), nameFrom('family'), dateNear, postcode, async (given, family, dob, place) => {
        const a = await identity({ given: given.held, family: family.held, dob: '2014-03-18', postcode: 'LS6 2AB' });
        const b = await identity({ given: given.typed, family: family.typed, dob, postcode: place });
        expect(resemblesProtectedChild(a, b)).toBe(resemblesProtectedChild(b, a));
      }),
      { numRuns: 150 },
    );
  });

  it('holds every row the search would show for the child’s own birthday: its first cheap tests turn none away', async () => {
    let shown = 0;
    await fc.assert(
      fc.asyncProperty(nameFrom('given'), nameFrom('family'), async (given, family) => {
        const held = await identity({ given: given.held, family: family.held, dob: '2014-03-18', postcode: 'LS6 2AB' });
        const row = await identity({ given: given.typed, family: family.typed, dob: '2014-03-18', postcode: 'M14 5RT' });
        const heldName = held.names[0]!;
        const typedName = row.names[0]!;
        const scored = scoreCandidate(
          { familyName: family.typed, givenName: given.typed, dateOfBirth: '2014-03-18' },
          {
            familyName: family.held,
            givenNames: given.held,
            dateOfBirth: '2014-03-18',
            gender: 'female',
            postcodeDistrict: 'LS6',
            phonetic: { family: heldName.phonetic, familyAlt: heldName.phoneticAlt, given: held.details.givenPhonetic },
            similarity: {
              family: trigramSetSimilarity(trigramsOf(family.typed), trigramsOf(family.held)),
              given: trigramSetSimilarity(trigramsOf(given.held), trigramsOf(given.typed)),
              familyAsGiven: trigramSetSimilarity(trigramsOf(given.held), trigramsOf(family.typed)),
              givenAsFamily: trigramSetSimilarity(trigramsOf(family.held), trigramsOf(given.typed)),
            },
          },
          { family: typedName.phonetic, familyAlt: typedName.phoneticAlt, given: row.details.givenPhonetic },
        );
        if (scored.givenMatched && wouldShow(scored)) {
          shown += 1;
          expect(resemblesProtectedChild(row, held), `${given.typed} ${family.typed} / ${given.held} ${family.held}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(shown).toBeGreaterThan(150);
  });
});
