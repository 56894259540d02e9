import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  children,
  correctionNotices,
  matchReviews,
  recordVersions,
  shields,
  sourceIdentities,
  sourceLoadRejects,
  sourceLoadRows,
  sourceLoads,
} from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createStaffFixture } from '@/db/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/db/testing/test-database';
import { AppError } from '@/lib/errors';
import { applyLoad } from './apply-load';
import { decideMatchReview } from './decide-match-review';
import { fromText, loadCsv, loadText, makeSource } from './load-test-helpers';
import { matchLoad } from './match-load';
import { stageLoad } from './stage-load';

// Staging reads the file with COPY FROM STDIN, which the embedded database's socket server does not take.
const onPostgres = Boolean(process.env.DATABASE_URL);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 30, seed: 71, asOf: '2026-11-25', reset: false });
});
afterAll(async () => {
  await database?.drop();
});

type Source = Awaited<ReturnType<typeof makeSource>>;
let n = 0;
const GIVEN = ['Ottoline', 'Peregrine', 'Wilhelmina', 'Barnaby', 'Clementine', 'Fitzwilliam', 'Araminta', 'Bartholomew'];

const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 're', 'tho', 'vin', 'dra', 'sel', 'pum', 'gor', 'wex', 'bly', 'nak', 'fro', 'quil', 'jas', 'yot', 'hib', 'cev'];
const syllable = () => SYLLABLES[Math.floor(Math.random() * SYLLABLES.length)]!;
const familyNames = new Set<string>();
/** A family name made of random syllables, unlike any seeded child's and any other test's. */
function uniqueFamilyName(): string {
  for (;;) {
    const name = `${syllable()}${syllable()}${syllable()}${syllable()}`;
    if (!familyNames.has(name)) {
      familyNames.add(name);
      return name.charAt(0).toUpperCase() + name.slice(1);
    }
  }
}

/** A child's row with a family name of its own, so that it resembles no seeded child and no other test's. */
function person(source: Source, overrides: Record<string, string> = {}) {
  n += 1;
  const family = uniqueFamilyName();
  return {
    source_system: source.code,
    source_person_id: `P${n}`,
    given_names: GIVEN[n % GIVEN.length]!,
    family_name: family,
    gender: 'F',
    date_of_birth: `${2008 + Math.floor(Math.random() * 14)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    address_line1: `${n} Loader Row`,
    town: 'Testbury',
    postcode: `LS${1 + Math.floor(Math.random() * 29)} ${Math.floor(Math.random() * 10)}${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(Math.random() * 20)]}T`,
    carer1_given_names: 'Mary',
    carer1_family_name: family,
    carer1_relationship: 'mother',
    carer1_parental_responsibility: 'Y',
    carer1_phone: '0113 496 0000',
    ...overrides,
  };
}
type Person = ReturnType<typeof person>;
/** The same person as another source sends them: its own person id. */
const asSentBy = (source: Source, p: Person, overrides: Record<string, string> = {}) => ({ ...p, source_system: source.code, source_person_id: `${source.code}-${p.source_person_id}`, ...overrides });

const childrenCalled = (familyName: string) => database.db.select().from(children).where(eq(children.familyName, familyName));
const loadOf = async (loadId: string) => (await database.db.select().from(sourceLoads).where(eq(sourceLoads.id, loadId)))[0]!;
const rowOf = async (loadId: string, rowNumber: number) =>
  (await database.db.select().from(sourceLoadRows).where(and(eq(sourceLoadRows.loadId, loadId), eq(sourceLoadRows.rowNumber, rowNumber))))[0]!;

async function held(p: Person) {
  const source = await makeSource(database.db);
  await loadText(database.db, source, loadCsv([{ ...p, source_system: source.code }]));
  const [child] = await childrenCalled(p.family_name);
  return { child: child!, source };
}

describe.skipIf(!onPostgres)('a source load', () => {
  it('creates new children, keeps a reject report of bad rows (row, field, reason) and loads the rest', async () => {
    const source = await makeSource(database.db);
    const good = [person(source), person(source)];
    const bad = [
      person(source, { date_of_birth: '2016-02-30' }),
      person(source, { family_name: '' }),
      person(source, { postcode: 'QQ1 1QQQ' }),
      person(source, { school_urn: 'NO-SUCH-URN' }),
    ];
    const { loadId } = await loadText(database.db, source, loadCsv([...good, ...bad]));
    const load = await loadOf(loadId);
    expect(load.status).toBe('done');
    expect(load.counts).toMatchObject({ rows: 6, rejected: 4, created: 2 });
    const rejects = await database.db.select().from(sourceLoadRejects).where(eq(sourceLoadRejects.loadId, loadId)).orderBy(sourceLoadRejects.rowNumber);
    expect(rejects.map((r) => [r.rowNumber, r.field])).toEqual([[4, 'date_of_birth'], [5, 'family_name'], [6, 'postcode'], [7, 'school_urn']]);
    expect(rejects[0]!.reason).toMatch(/not a real date/);
    expect(rejects[2]!.reason).toMatch(/not a possible UK postcode/);
    const [made] = await childrenCalled(good[0]!.family_name);
    expect(made).toMatchObject({ sourceSystemId: source.id, postcode: good[0]!.postcode, isShielded: false });
    expect(made!.lastConfirmedAt.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(await childrenCalled(bad[0]!.family_name)).toHaveLength(0);
    const identities = await database.db.select().from(sourceIdentities).where(eq(sourceIdentities.sourceSystemId, source.id));
    expect(identities).toHaveLength(2);
  });

  it('refuses a malformed file with a clear error and loads nothing from it', async () => {
    const source = await makeSource(database.db);
    const good = loadCsv([person(source)]);
    const files = {
      'wrong header': good.replace('given_names', 'first_name'),
      'bad encoding': Buffer.concat([Buffer.from(good.slice(0, -2)), Buffer.from([0xff, 0xfe, 0x0d, 0x0a])]),
      'unclosed quote': `${good}${source.code},X1,"Ann,Smith\r\n`,
      'a short row': `${good}${source.code},X2,Ann\r\n`,
    };
    for (const [what, file] of Object.entries(files)) {
      const attempt = loadText(database.db, source, file, { fileName: what });
      await expect(attempt, what).rejects.toBeInstanceOf(AppError);
      await expect(attempt, what).rejects.toMatchObject({ userMessage: expect.stringMatching(/Nothing was loaded/) });
    }
    const [loads] = await database.db.select({ n: count() }).from(sourceLoads).where(eq(sourceLoads.sourceSystemId, source.id));
    expect(loads!.n).toBe(0);
  });

  it('changes nothing when the same file is run again', async () => {
    const source = await makeSource(database.db);
    const file = loadCsv([person(source), person(source)]);
    const first = await loadText(database.db, source, file);
    const snapshot = async () => ({
      children: (await database.db.select({ n: count() }).from(children))[0]!.n,
      versions: (await database.db.select({ n: count() }).from(recordVersions))[0]!.n,
      audit: (await database.db.select({ n: count() }).from(auditEvents))[0]!.n,
      loads: (await database.db.select({ n: count() }).from(sourceLoads))[0]!.n,
    });
    const before = await snapshot();
    const again = await loadText(database.db, source, file);
    expect(again).toEqual({ loadId: first.loadId, alreadyReceived: true });
    expect(await snapshot()).toEqual(before);
  });

  it('gives one record per child with both sources recorded when two sources send the same children', async () => {
    const school = await makeSource(database.db);
    const gp = await makeSource(database.db);
    const population = [person(school), person(school), person(school)];
    await loadText(database.db, school, loadCsv(population));
    const { loadId } = await loadText(database.db, gp, loadCsv(population.map((p) => asSentBy(gp, p))));
    expect((await loadOf(loadId)).counts).toMatchObject({ linked: 3, created: 0, review: 0 });
    for (const p of population) {
      const records = await childrenCalled(p.family_name);
      expect(records).toHaveLength(1);
      const sources = await database.db.select().from(sourceIdentities).where(eq(sourceIdentities.childId, records[0]!.id));
      expect(sources.map((s) => s.sourceSystemId).sort()).toEqual([school.id, gp.id].sort());
    }
  });

  it('finds a child it has sent before by its own person id, even with a changed name', async () => {
    const source = await makeSource(database.db);
    const p = person(source);
    await loadText(database.db, source, loadCsv([p]), { asOf: '2026-11-01' });
    const { loadId } = await loadText(database.db, source, loadCsv([{ ...p, family_name: 'Completelydifferent' }]), { asOf: '2026-11-30' });
    expect((await rowOf(loadId, 2)).outcome).toBe('source_id');
    expect(await childrenCalled(p.family_name)).toHaveLength(0);
    const [renamed] = await childrenCalled('Completelydifferent');
    const versions = await database.db.select().from(recordVersions).where(eq(recordVersions.childId, renamed!.id)).orderBy(recordVersions.version);
    expect(versions.at(-1)!.changes).toEqual([{ item: 'child', itemId: renamed!.id, field: 'familyName', before: p.family_name, after: 'Completelydifferent' }]);
  });
});

describe.skipIf(!onPostgres)('matching', () => {
  it('does not merge twins: same family name, date of birth and address, another first name', async () => {
    const first = person({ code: '' } as Source, { given_names: 'Ottoline' });
    const { child: twin } = await held(first);
    const source = await makeSource(database.db);
    const other = asSentBy(source, first, { given_names: 'Barnaby', gender: 'M', source_person_id: 'twin-2' });
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, first), other]));
    expect((await rowOf(loadId, 2)).outcome).toBe('linked');
    expect((await rowOf(loadId, 2)).childId).toBe(twin.id);
    expect((await rowOf(loadId, 3)).outcome).toBe('new');
    const records = await childrenCalled(first.family_name);
    expect(records.map((c) => c.givenNames).sort()).toEqual(['Barnaby', 'Ottoline']);
  });

  it('links a child whose day and month of birth are transposed', async () => {
    const p = person({ code: '' } as Source, { date_of_birth: '2016-03-09' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { date_of_birth: '2016-09-03' })]));
    const row = await rowOf(loadId, 2);
    expect(row.outcome).toBe('linked');
    expect(row.childId).toBe(child.id);
  });

  it('links a misspelt family name and a move within the district of a child already held', async () => {
    const p = person({ code: '' } as Source);
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const misspelt = `${p.family_name.slice(0, -2)}${p.family_name.slice(-1)}${p.family_name.slice(-2, -1)}`;
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { family_name: misspelt })]));
    expect((await rowOf(loadId, 2)).childId).toBe(child.id);
  });

  it('never links a record marked "new identity" to its former identity', async () => {
    const p = person({ code: '' } as Source);
    const { child } = await held(p);
    await database.db.update(children).set({ isNewIdentity: true }).where(eq(children.id, child.id));
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p)]));
    const row = await rowOf(loadId, 2);
    expect(row.outcome).toBe('new');
    expect(row.childId).not.toBe(child.id);
    expect(await database.db.select().from(matchReviews).where(eq(matchReviews.candidateChildId, child.id))).toHaveLength(0);
    const [identities] = await database.db.select({ n: count() }).from(sourceIdentities).where(eq(sourceIdentities.childId, child.id));
    expect(identities!.n).toBe(1);
  });
});

describe.skipIf(!onPostgres)('shielded children', () => {
  async function shieldedChild(p: Person) {
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const la = (await database.db.query.sourceSystems.findFirst({ where: (s, { eq: is }) => is(s.id, source.id) }))!.localAuthorityCode!;
    await database.db.update(children).set({ isShielded: true, postcode: null }).where(eq(children.id, child.id));
    await database.db.insert(shields).values({ childId: child.id, responsibleLocalAuthorityCode: la, reason: 'Fleeing domestic violence' });
    return { child, source, la };
  }

  it('sends a row that matches a shielded child to review, never an automatic link, and links it only when a caseworker says so', async () => {
    const p = person({ code: '' } as Source);
    const { child, source, la } = await shieldedChild(p);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { address_line1: '1 New Street', postcode: 'LS1 1ZZ' })]));
    const row = await rowOf(loadId, 2);
    expect(row.outcome).toBe('review');
    expect(row.shieldFromChildId).toBe(child.id);
    const [review] = await database.db.select().from(matchReviews).where(and(eq(matchReviews.loadId, loadId), eq(matchReviews.candidateChildId, child.id)));
    expect(review!.because).toMatch(/shielded/);
    expect(await childrenCalled(p.family_name)).toHaveLength(1);

    const outsider = await createStaffFixture(database.db, (await database.db.query.localAuthorities.findFirst({ where: (l, { ne }) => ne(l.code, la) }))!.code);
    await expect(decideMatchReview({ db: database.db, caseworker: outsider, reviewId: review!.id, decision: { outcome: 'link', reason: 'Same child' } })).rejects.toMatchObject({ code: 'forbidden' });

    const caseworker = await createStaffFixture(database.db, la);
    await decideMatchReview({ db: database.db, caseworker, reviewId: review!.id, decision: { outcome: 'link', reason: 'Same child: checked with the school' } });
    const [after] = await database.db.select().from(children).where(eq(children.id, child.id));
    expect(after).toMatchObject({ isShielded: true, postcode: null });
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
  });

  it('links a row to the child it is when a shielded stranger shares only its first name and birthday', async () => {
    const p = person({ code: '' } as Source);
    const stranger = person({ code: '' } as Source, { given_names: p.given_names, date_of_birth: p.date_of_birth });
    const { child } = await held(p);
    const { child: shieldedStranger } = await shieldedChild(stranger);
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p)]));
    expect(await rowOf(loadId, 2)).toMatchObject({ outcome: 'linked', childId: child.id, shieldFromChildId: null });
    const [after] = await database.db.select().from(children).where(eq(children.id, shieldedStranger.id));
    expect(after).toMatchObject({ isShielded: true, postcode: null, familyName: stranger.family_name });
  });

  it('shields any record a load makes from a row that resembled a shielded child', async () => {
    const p = person({ code: '' } as Source);
    const { child, source, la } = await shieldedChild(p);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { given_names: p.given_names.slice(0, 4) + 'ia' })]));
    const reviews = await database.db.select().from(matchReviews).where(eq(matchReviews.loadId, loadId));
    expect(reviews.map((r) => r.candidateChildId)).toContain(child.id);
    const caseworker = await createStaffFixture(database.db, la);
    let made: string | null = null;
    for (const review of reviews) {
      made = (await decideMatchReview({ db: database.db, caseworker, reviewId: review.id, decision: { outcome: 'keep_apart', reason: 'A different child' } })).childId ?? made;
    }
    const [created] = await database.db.select().from(children).where(eq(children.id, made!));
    expect(created).toMatchObject({ isShielded: true, postcode: null });
    const [shield] = await database.db.select().from(shields).where(and(eq(shields.childId, made!), isNull(shields.liftedAt)));
    expect(shield!.responsibleLocalAuthorityCode).toBe(la);
  });

  it('sends a sibling of a shielded child (same family name, birthday and address) to review, not to an unshielded new record', async () => {
    const p = person({ code: '' } as Source);
    const { source } = await shieldedChild(p);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { given_names: 'Fitzwilliam', gender: 'M' })]));
    expect((await rowOf(loadId, 2)).outcome).toBe('review');
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
  });
});

describe.skipIf(!onPostgres)('provenance and corrections', () => {
  it('does not overwrite an item a caseworker corrected with an older or unacknowledged source value', async () => {
    const p = person({ code: '' } as Source);
    const { child, source } = await held(p);
    const staff = await createStaffFixture(database.db, (await database.db.query.localAuthorities.findFirst())!.code);
    await database.db
      .update(children)
      .set({ givenNames: 'Corrected', sourceSystemId: null, recordedByStaffId: staff.id, lastConfirmedAt: new Date('2026-12-01T10:00:00Z') })
      .where(eq(children.id, child.id));
    await database.db.insert(correctionNotices).values({ sourceSystemId: source.id, childId: child.id, itemKind: 'child', field: 'name', previousValue: p.given_names, correctedValue: 'Corrected', recordVersion: 2 });
    const resend = { ...p, source_system: source.code };
    await loadText(database.db, source, loadCsv([resend]), { asOf: '2026-11-30', fileName: 'older.csv' });
    expect((await database.db.select().from(children).where(eq(children.id, child.id)))[0]!.givenNames).toBe('Corrected');
    await loadText(database.db, source, loadCsv([{ ...resend, town: 'Testbury ' }]), { asOf: '2026-12-05', fileName: 'newer-but-notice-pending.csv' });
    expect((await database.db.select().from(children).where(eq(children.id, child.id)))[0]!.givenNames).toBe('Corrected');
  });
});

describe.skipIf(!onPostgres)('a load killed halfway', () => {
  it('finishes on the rerun with the same result and no duplicates', async () => {
    const source = await makeSource(database.db);
    const people = Array.from({ length: 7 }, () => person(source));
    const file = loadCsv(people);
    const staged = await stageLoad({ db: database.db, source, fileName: 'killed.csv', open: fromText(file), asOf: '2026-11-30', submittedBy: { kind: 'system', id: null } });
    await matchLoad({ db: database.db, loadId: staged.loadId });
    const killed = applyLoad({
      db: database.db,
      loadId: staged.loadId,
      batchSize: 3,
      onBatch: () => {
        throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    expect((await loadOf(staged.loadId)).status).toBe('applying');
    const half = await database.db.select({ n: count() }).from(children).where(inArray(children.familyName, people.map((p) => p.family_name)));
    expect(half[0]!.n).toBe(3);

    const rerun = await loadText(database.db, source, file, { fileName: 'killed.csv', batchSize: 3 });
    expect(rerun).toEqual({ loadId: staged.loadId, alreadyReceived: true });
    const load = await loadOf(staged.loadId);
    expect(load.status).toBe('done');
    expect(load.counts).toMatchObject({ created: 7, applied: 7 });
    for (const p of people) expect(await childrenCalled(p.family_name)).toHaveLength(1);
    const [identities] = await database.db.select({ n: count() }).from(sourceIdentities).where(eq(sourceIdentities.sourceSystemId, source.id));
    expect(identities!.n).toBe(7);
  });
});
