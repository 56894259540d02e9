import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { NAME_REFERENCES } from '@/lib/names';
import { randomIndexNumber } from '@/lib/kernel/index-number';
import { type Candidate, scoreCandidate, type SearchCriteria } from './score';
import { dobBlock, postcodeBlock } from './search-blocks';
import { wouldShow } from './would-show';

/**
 * Whatever the score would show, the search's filter reads: a property over the name reference, with the real
 * block queries on a real database. A held child's family name is drawn from the reference (sometimes
 * double-barrelled), and the typed one is the same name, a known variant, or a part, written as people write it
 * (accents dropped, apostrophes and spaces changed, Mac for Mc, capitals) and sometimes with a typing slip.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const groups = (kind: 'given' | 'family') => NAME_REFERENCES.flatMap((r) => r[kind].map((line) => line.split('|')));
const familyGroups = groups('family');
const givenGroups = groups('given');

const stripAccents = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const respell = fc.constantFrom<(s: string) => string>(
  (s) => s,
  stripAccents,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => s.replace(/'/g, ''),
  (s) => s.replace(/'/g, '’'),
  (s) => s.replace(/'/g, ' '),
  (s) => s.replace(/^Mac/, 'Mc'),
  (s) => s.replace(/^Mc/, 'Mac '),
  (s) => s.replace(/^O'/, 'Ó '),
  (s) => s.replace(/-/g, ' '),
);
const slip = fc.oneof(
  { weight: 3, arbitrary: fc.constant((s: string) => s) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.constantFrom('drop', 'swap', 'change')).map(([at, how]) => (s: string) => {
      if (s.length < 4) return s;
      const i = 1 + (at % (s.length - 2));
      if (how === 'drop') return s.slice(0, i) + s.slice(i + 1);
      if (how === 'swap') return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
      return s.slice(0, i) + (s[i] === 'e' ? 'a' : 'e') + s.slice(i + 1);
    }),
  },
);

const member = (group: string[]) => fc.constantFrom(...group);
const familyCase = fc
  .tuple(fc.constantFrom(...familyGroups), fc.option(fc.constantFrom(...familyGroups), { freq: 2 }), fc.constantFrom('-', ' '), fc.boolean())
  .chain(([group, other, joiner, typeOther]) =>
    fc.record({
      held: fc.tuple(member(group), other ? member(other) : fc.constant(null)).map(([a, b]) => (b ? `${a}${joiner}${b}` : a)),
      typedBase: typeOther && other ? member(other) : member(group),
      respelt: respell,
      slipped: slip,
    }),
  )
  .map(({ held, typedBase, respelt, slipped }) => ({ held, typed: slipped(respelt(typedBase)) || typedBase }));
const givenCase = fc
  .constantFrom(...givenGroups)
  .chain((group) => fc.record({ held: member(group), typed: member(group), respelt: respell, slipped: slip }))
  .map(({ held, typed, respelt, slipped }) => ({ held, typed: slipped(respelt(typed)) || typed }));

const DATE_OF_BIRTH = '2013-05-17';
const POSTCODE = 'ZZ9 9ZZ';

async function heldCandidate(id: string, typedFamily: string, typedGiven: string): Promise<{ candidate: Candidate; q: { family: string | null; familyAlt: string | null; given: string | null } }> {
  const [row] = [
    ...(await database.db.execute<Record<string, string | number | null>>(sql`
      select family_name, given_names, family_name_phonetic, family_name_phonetic_alt, given_name_phonetic,
        similarity(family_name, ${typedFamily}) as sf, similarity(given_names, ${typedGiven}) as sg,
        similarity(given_names, ${typedFamily}) as sfg, similarity(family_name, ${typedGiven}) as sgf,
        dmetaphone(${typedFamily}) as qf, dmetaphone_alt(${typedFamily}) as qfa, nullif(dmetaphone(split_part(${typedGiven}, ' ', 1)), '') as qg
      from children where id = ${id}`)),
  ];
  const r = row!;
  return {
    candidate: {
      familyName: String(r.family_name),
      givenNames: String(r.given_names),
      dateOfBirth: DATE_OF_BIRTH,
      gender: 'female',
      postcodeDistrict: 'ZZ9',
      postcode: POSTCODE,
      phonetic: { family: r.family_name_phonetic as string | null, familyAlt: r.family_name_phonetic_alt as string | null, given: r.given_name_phonetic as string | null },
      similarity: { family: Number(r.sf), given: Number(r.sg), familyAsGiven: Number(r.sfg), givenAsFamily: Number(r.sgf) },
    },
    q: { family: r.qf as string | null, familyAlt: r.qfa as string | null, given: r.qg as string | null },
  };
}

// The score's allowance for given and family names written the wrong way round is not yet matched in the filter
// (which asks for their sounds to agree): those pairs are left out here.
const showsStraight = (scored: ReturnType<typeof scoreCandidate>) => wouldShow(scored) && !scored.reasons.includes('given and family names swapped');

async function blocksFind(heldFamily: string, typedFamily: string) {
  const [child] = await database.db
    .insert(children)
    .values({ indexNumber: randomIndexNumber(), givenNames: 'Alexander', familyName: heldFamily, gender: 'female', dateOfBirth: DATE_OF_BIRTH, addressStatus: 'current', postcode: POSTCODE })
    .returning({ id: children.id });
  try {
    const typed = { familyName: typedFamily, givenName: 'Alexander' };
    const { candidate, q } = await heldCandidate(child!.id, typedFamily, 'Alexander');
    const shown = showsStraight(scoreCandidate({ ...typed, dateOfBirth: DATE_OF_BIRTH }, candidate, q));
    const byBirth = (await dobBlock(database.db, typed, DATE_OF_BIRTH)).some((r) => r.id === child!.id);
    const byDistrict = (await postcodeBlock(database.db, typed, 'ZZ9', 'district')).some((r) => r.id === child!.id);
    return { shown, byBirth, byDistrict };
  } finally {
    await database.db.delete(children).where(eq(children.id, child!.id));
  }
}

describe('the search filter admits every child the score would show', () => {
  // Found by the property below (seed -1926883911): a capital with an accent inside a held name, which lower()
  // under the C collation leaves as it is, against a typed name written in those letters.
  it.each([
    ['Sowe Đỗ', 'Đỗ'],
    ['Sowe-Đỗ', 'đỗ'],
    ['ÖZTÜRK', 'Öztürk'],
    ['Ni Ógáin', 'Ógáin'],
  ])('reads %s typed as %s, which the score shows as spelt similarly', async (held, typed) => {
    expect(await blocksFind(held, typed)).toEqual({ shown: true, byBirth: true, byDistrict: true });
  });

  it('by date of birth and by postcode district, for names from the reference written as people write them', async () => {
    let shown = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(familyCase, givenCase, async (family, given) => {
        runs += 1;
        const [child] = await database.db
          .insert(children)
          .values({ indexNumber: randomIndexNumber(), givenNames: given.held, familyName: family.held, gender: 'female', dateOfBirth: DATE_OF_BIRTH, addressStatus: 'current', postcode: POSTCODE })
          .returning({ id: children.id });
        try {
          const typed = { familyName: family.typed, givenName: given.typed };
          const { candidate, q } = await heldCandidate(child!.id, family.typed, given.typed);
          const byBirth: SearchCriteria = { ...typed, dateOfBirth: DATE_OF_BIRTH };
          if (showsStraight(scoreCandidate(byBirth, candidate, q))) {
            shown += 1;
            const block = await dobBlock(database.db, typed, DATE_OF_BIRTH);
            expect(block.map((r) => r.id), `${family.typed} / ${family.held}`).toContain(child!.id);
          }
          const byDistrict: SearchCriteria = { ...typed, postcode: 'ZZ9' };
          if (showsStraight(scoreCandidate(byDistrict, candidate, q))) {
            const block = await postcodeBlock(database.db, typed, 'ZZ9', 'district');
            expect(block.map((r) => r.id), `${family.typed} / ${family.held}`).toContain(child!.id);
          }
        } finally {
          await database.db.delete(children).where(eq(children.id, child!.id));
        }
      }),
      { numRuns: 400 },
    );
    // Most cases are ones the score shows: the property is not met by showing nothing.
    expect(shown).toBeGreaterThan(runs / 2);
  });
});
