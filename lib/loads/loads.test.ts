import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  carers,
  childCarers,
  children,
  correctionNotices,
  correctionRequests,
  matchReviews,
  recordVersions,
  shields,
  sourceIdentities,
  sourceLoadRejects,
  sourceLoadRows,
  sourceLoads,
} from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { AppError } from '@/lib/kernel/errors';
import { loadChildRecord } from '@/lib/records/load-child-record';
import { applyLoad } from './apply-load';
import { decideMatchReview } from './decide-match-review';
import { asSentBy, fromText, loadCsv, loadText, makeSource, person, type Person, uniqueFamilyName } from '@/testing/load-fixtures';
import { matchLoad } from './match-load';
import { stageLoad } from './stage-load';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 30, seed: 71, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

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

describe('a source load', () => {
  it('rejects a row holding a NUL (which COPY cannot take) with a reason, and loads the rest', async () => {
    const source = await makeSource(database.db);
    const good = person(source);
    const { loadId } = await loadText(database.db, source, loadCsv([good, person(source, { family_name: 'Quil\u0000wexbly' })]));
    expect(await loadOf(loadId)).toMatchObject({ status: 'done', counts: expect.objectContaining({ rows: 2, rejected: 1, created: 1 }) });
    const [reject] = await database.db.select().from(sourceLoadRejects).where(eq(sourceLoadRejects.loadId, loadId));
    expect(reject).toMatchObject({ rowNumber: 3, field: 'family_name' });
    expect(reject!.reason).toMatch(/control character/);
  });

  it('creates new children, keeps a reject report of bad rows (row, field, reason) and loads the rest', async () => {
    const source = await makeSource(database.db);
    const good = [person(source), person(source)];
    const bad = [
      person(source, { date_of_birth: '2016-02-30' }),
      person(source, { family_name: '' }),
      person(source, { postcode: 'QQ1 1QQQ' }),
      person(source, { school_urn: 'NO-SUCH-URN' }),
      person(source, { date_of_birth: '2016-13-05' }),
      person(source, { date_of_death: '2024-00-10' }),
    ];
    const { loadId } = await loadText(database.db, source, loadCsv([...good, ...bad]));
    const load = await loadOf(loadId);
    expect(load.status).toBe('done');
    expect(load.counts).toMatchObject({ rows: 8, rejected: 6, created: 2 });
    const rejects = await database.db.select().from(sourceLoadRejects).where(eq(sourceLoadRejects.loadId, loadId)).orderBy(sourceLoadRejects.rowNumber);
    expect(rejects.map((r) => [r.rowNumber, r.field])).toEqual([
      [4, 'date_of_birth'], [5, 'family_name'], [6, 'postcode'], [7, 'school_urn'], [8, 'date_of_birth'], [9, 'date_of_death'],
    ]);
    expect(rejects[0]!.reason).toMatch(/not a real date/);
    expect(rejects[4]!.reason).toMatch(/not a real date/);
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

  it('finds a child it has sent before by its own person id, even with a changed name, which waits for a caseworker', async () => {
    const source = await makeSource(database.db);
    const p = person(source);
    await loadText(database.db, source, loadCsv([p]), { asOf: '2026-11-01' });
    const { loadId } = await loadText(database.db, source, loadCsv([{ ...p, family_name: 'Completelydifferent' }]), { asOf: '2026-11-30' });
    expect((await rowOf(loadId, 2)).outcome).toBe('source_id');
    expect(await childrenCalled('Completelydifferent')).toHaveLength(0);
    const [kept] = await childrenCalled(p.family_name);
    const [pending] = await database.db.select().from(correctionRequests).where(eq(correctionRequests.childId, kept!.id));
    expect(pending).toMatchObject({ field: 'name', valueAsHeld: `${p.given_names} ${p.family_name}`, requestedValue: `${p.given_names} Completelydifferent`, raisedBySourceSystemId: source.id });
  });
});

describe('matching', () => {
  it('does not merge twins: same family name, date of birth and address, another first name', async () => {
    const first = person({ code: '' }, { given_names: 'Ottoline' });
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
    const p = person({ code: '' }, { date_of_birth: '2016-03-09' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { date_of_birth: '2016-09-03' })]));
    const row = await rowOf(loadId, 2);
    expect(row.outcome).toBe('linked');
    expect(row.childId).toBe(child.id);
  });

  it('links a misspelt family name and a move within the district of a child already held', async () => {
    const p = person({ code: '' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const misspelt = `${p.family_name.slice(0, -2)}${p.family_name.slice(-1)}${p.family_name.slice(-2, -1)}`;
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { family_name: misspelt })]));
    expect((await rowOf(loadId, 2)).childId).toBe(child.id);
  });

  it('links a child who took a new family name and moved away by the mother both records name (a load too small to estimate weights)', async () => {
    const p = person({ code: '' }, { postcode: 'LS1 1AT' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const renamed = asSentBy(source, p, { family_name: uniqueFamilyName(), postcode: 'YO1 7HH', address_line1: '3 Minster Yard', town: 'York' });
    const { loadId } = await loadText(database.db, source, loadCsv([renamed]));
    expect((await loadOf(loadId)).weights?.origin).not.toBe('estimated');
    const row = await rowOf(loadId, 2);
    expect(row.outcome).toBe('linked');
    expect(row.childId).toBe(child.id);
  });

  it('tells apart two children with the same names and birthday by their middle names (a load too small to estimate weights)', async () => {
    const p = person({ code: '' }, { given_names: 'Ottoline Mabel' });
    const { child } = await held(p);
    const moved = { postcode: 'YO1 7HH', address_line1: '3 Minster Yard', town: 'York', carer1_given_names: '', carer1_family_name: '', carer1_relationship: '', carer1_parental_responsibility: '', carer1_phone: '' };
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { ...moved, given_names: 'Ottoline Rosalind' })]));
    expect((await loadOf(loadId)).weights?.origin).not.toBe('estimated');
    expect((await rowOf(loadId, 2)).outcome).not.toBe('linked');
    const again = await makeSource(database.db);
    const { loadId: sameMiddle } = await loadText(database.db, again, loadCsv([asSentBy(again, p, moved)]));
    expect(await rowOf(sameMiddle, 2)).toMatchObject({ outcome: 'linked', childId: child.id });
  });

  it('never links a record marked "new identity" by itself: a row resembling it waits for a caseworker', async () => {
    const p = person({ code: '' });
    const { child } = await held(p);
    await database.db.update(children).set({ isNewIdentity: true }).where(eq(children.id, child.id));
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p)]));
    const row = await rowOf(loadId, 2);
    // It resembles the child with the new identity: a caseworker decides, nothing is linked or made meanwhile.
    expect(row.outcome).toBe('review');
    expect(row.childId).toBeNull();
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
    expect(await database.db.select().from(matchReviews).where(eq(matchReviews.candidateChildId, child.id))).toMatchObject([{ because: 'resembles a record with a new identity' }]);
    const [identities] = await database.db.select({ n: count() }).from(sourceIdentities).where(eq(sourceIdentities.childId, child.id));
    expect(identities!.n).toBe(1);
  });
});

describe('shielded children', () => {
  async function shieldedChild(p: Person) {
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const la = (await database.db.query.sourceSystems.findFirst({ where: (s, { eq: is }) => is(s.id, source.id) }))!.localAuthorityCode!;
    await database.db.update(children).set({ isShielded: true, postcode: null }).where(eq(children.id, child.id));
    await database.db.insert(shields).values({ childId: child.id, responsibleLocalAuthorityCode: la, reason: 'Fleeing domestic violence' });
    return { child, source, la };
  }

  it('sends a row that matches a shielded child to review, never an automatic link, and links it only when a caseworker says so', async () => {
    const p = person({ code: '' });
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
    const p = person({ code: '' });
    const stranger = person({ code: '' }, { given_names: p.given_names, date_of_birth: p.date_of_birth });
    const { child } = await held(p);
    const { child: shieldedStranger } = await shieldedChild(stranger);
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p)]));
    expect(await rowOf(loadId, 2)).toMatchObject({ outcome: 'linked', childId: child.id, shieldFromChildId: null });
    const [after] = await database.db.select().from(children).where(eq(children.id, shieldedStranger.id));
    expect(after).toMatchObject({ isShielded: true, postcode: null, familyName: stranger.family_name });
  });

  it('shields any record a load makes from a row that resembled a shielded child', async () => {
    const p = person({ code: '' });
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

  it('sends both rows of one file resembling a shielded child to review: neither makes a record, neither is linked to the other', async () => {
    const p = person({ code: '' });
    const { child, source } = await shieldedChild(p);
    const moved = { address_line1: '1 New Street', postcode: 'LS1 1ZZ' };
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, moved), asSentBy(source, p, { ...moved, source_person_id: `${p.source_person_id}-again` })]));
    for (const rowNumber of [2, 3]) expect(await rowOf(loadId, rowNumber)).toMatchObject({ outcome: 'review', shieldFromChildId: child.id, sameChildAsRow: null });
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
  });

  it('sends a sibling of a shielded child (same family name, birthday and address) to review, not to an unshielded new record', async () => {
    const p = person({ code: '' });
    const { source } = await shieldedChild(p);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { given_names: 'Fitzwilliam', gender: 'M' })]));
    expect((await rowOf(loadId, 2)).outcome).toBe('review');
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
  });
});

describe('provenance and corrections', () => {
  it('does not overwrite an item a caseworker corrected with an older or unacknowledged source value', async () => {
    const p = person({ code: '' });
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

describe('a load killed halfway', () => {
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

/** The carers of a child as held: names, contact and link, with where each came from. */
async function carersOf(childId: string) {
  return database.db
    .select({
      id: carers.id,
      givenNames: carers.givenNames,
      phone: carers.phone,
      email: carers.email,
      sourceSystemId: carers.sourceSystemId,
      confirmed: carers.lastConfirmedAt,
      relationship: childCarers.relationship,
      hasParentalResponsibility: childCarers.hasParentalResponsibility,
      linkSourceSystemId: childCarers.sourceSystemId,
    })
    .from(childCarers)
    .innerJoin(carers, eq(carers.id, childCarers.carerId))
    .where(eq(childCarers.childId, childId))
    .orderBy(carers.givenNames);
}
const versionsOf = (childId: string) => database.db.select().from(recordVersions).where(eq(recordVersions.childId, childId)).orderBy(recordVersions.version);
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('a linked child’s carers', () => {
  it('adds a carer not yet linked and updates a held carer’s contact and parental responsibility, in the one version that also lists the child’s own changes', async () => {
    const p = person({ code: '' });
    const { child, source: first } = await held(p);
    const second = await makeSource(database.db);
    const { loadId } = await loadText(
      database.db,
      second,
      loadCsv([
        asSentBy(second, p, {
          gender: 'U',
          carer1_given_names: 'MARY',
          carer1_phone: '0113 496 0999',
          carer1_email: 'mary@example.org',
          carer1_parental_responsibility: 'N',
          carer2_given_names: 'John',
          carer2_family_name: p.family_name,
          carer2_relationship: 'father',
          carer2_parental_responsibility: 'Y',
          carer2_phone: '0113 496 0123',
        }),
      ]),
      { asOf: '2026-12-03' },
    );
    expect(await rowOf(loadId, 2)).toMatchObject({ outcome: 'linked', childId: child.id });
    const [john, mary] = await carersOf(child.id);
    expect(mary).toMatchObject({ givenNames: 'Mary', phone: '0113 496 0999', email: 'mary@example.org', sourceSystemId: second.id, hasParentalResponsibility: false, linkSourceSystemId: second.id });
    expect(day(mary!.confirmed)).toBe('2026-12-03');
    expect(john).toMatchObject({ givenNames: 'John', phone: '0113 496 0123', relationship: 'father', hasParentalResponsibility: true, sourceSystemId: second.id });

    const versions = await versionsOf(child.id);
    expect(versions).toHaveLength(2);
    expect(versions[1]!.reason).toBe('Load test.csv, row 2');
    // "Not specified" is a source not holding the gender: no change to ask a caseworker about.
    expect((await database.db.select().from(children).where(eq(children.id, child.id)))[0]!.gender).toBe('female');
    expect(await database.db.select().from(correctionRequests).where(eq(correctionRequests.childId, child.id))).toEqual([]);
    expect(versions[1]!.changes).toEqual([
      { item: 'carer', itemId: john!.id, field: 'carer', before: null, after: { givenNames: 'John', familyName: p.family_name, relationship: 'father', hasParentalResponsibility: true, phone: '0113 496 0123', email: null } },
      { item: 'carer', itemId: mary!.id, field: 'phone', before: '0113 496 0000', after: '0113 496 0999' },
      { item: 'carer', itemId: mary!.id, field: 'email', before: null, after: 'mary@example.org' },
      { item: 'carer', itemId: mary!.id, field: 'hasParentalResponsibility', before: true, after: false },
    ]);

    // The record page and the citizen's view read the same record: the contact's source is the load that changed it.
    const record = await loadChildRecord({ db: database.db, childId: child.id });
    const shown = record!.carers.find((c) => c.givenNames === 'Mary')!;
    expect(shown).toMatchObject({ phone: '0113 496 0999', hasParentalResponsibility: false });
    expect(shown.contactProvenance.source).toMatch(/Children’s services/);
    expect(day(shown.contactProvenance.lastConfirmedAt)).toBe('2026-12-03');
    expect(record!.carers.map((c) => c.givenNames).sort()).toEqual(['John', 'Mary']);
    expect(first.id).not.toBe(second.id);
  });

  it('never lets an older load overwrite a newer carer phone, and confirms an unchanged carer from the same source without a version', async () => {
    const p = person({ code: '' });
    const { child, source } = await held(p);
    const resend = { ...p, source_system: source.code };
    await loadText(database.db, source, loadCsv([{ ...resend, carer1_phone: '0113 496 0555' }]), { asOf: '2026-12-05', fileName: 'newer.csv' });
    expect((await carersOf(child.id))[0]!.phone).toBe('0113 496 0555');

    const other = await makeSource(database.db);
    const { loadId } = await loadText(database.db, other, loadCsv([asSentBy(other, p, { carer1_phone: '0113 496 0111' })]), { asOf: '2026-12-01', fileName: 'older.csv' });
    expect((await rowOf(loadId, 2)).childId).toBe(child.id);
    expect((await carersOf(child.id))[0]).toMatchObject({ phone: '0113 496 0555', sourceSystemId: source.id });

    const versionsBefore = (await versionsOf(child.id)).length;
    await loadText(database.db, source, loadCsv([{ ...resend, carer1_phone: '0113 496 0555', town: 'Testbury ' }]), { asOf: '2026-12-08', fileName: 'unchanged.csv' });
    const [mary] = await carersOf(child.id);
    expect(day(mary!.confirmed)).toBe('2026-12-08');
    expect(await versionsOf(child.id)).toHaveLength(versionsBefore);
  });

  it('does not overwrite a carer’s contact a caseworker corrected: not with an older value, not while the correction notice waits', async () => {
    const p = person({ code: '' });
    const { child, source } = await held(p);
    const [mary] = await carersOf(child.id);
    const staff = await createStaffFixture(database.db, (await database.db.query.localAuthorities.findFirst())!.code);
    await database.db
      .update(carers)
      .set({ phone: '0113 496 0777', sourceSystemId: null, recordedByStaffId: staff.id, lastConfirmedAt: new Date('2026-12-01T10:00:00Z') })
      .where(eq(carers.id, mary!.id));
    const [notice] = await database.db
      .insert(correctionNotices)
      .values({ sourceSystemId: source.id, childId: child.id, itemKind: 'carer', field: 'details', previousValue: '0113 496 0000', correctedValue: '0113 496 0777', recordVersion: 2 })
      .returning();
    const resend = { ...p, source_system: source.code };
    await loadText(database.db, source, loadCsv([{ ...resend, town: 'Testbury ' }]), { asOf: '2026-11-30', fileName: 'older.csv' });
    expect((await carersOf(child.id))[0]!.phone).toBe('0113 496 0777');
    await loadText(database.db, source, loadCsv([{ ...resend, town: 'Testbury  ' }]), { asOf: '2026-12-05', fileName: 'newer-but-notice-pending.csv' });
    expect((await carersOf(child.id))[0]!.phone).toBe('0113 496 0777');

    // Once the source has taken the correction in, a newer value from it is the carer's news.
    await database.db.update(correctionNotices).set({ acknowledgedAt: new Date('2026-12-06T09:00:00Z') }).where(eq(correctionNotices.id, notice!.id));
    await loadText(database.db, source, loadCsv([{ ...resend, carer1_phone: '0113 496 0888' }]), { asOf: '2026-12-07', fileName: 'after-acknowledgement.csv' });
    expect((await carersOf(child.id))[0]).toMatchObject({ phone: '0113 496 0888', sourceSystemId: source.id });
  });
});

describe('the same child twice in one file', () => {
  const identitiesOf = (childId: string) => database.db.select().from(sourceIdentities).where(eq(sourceIdentities.childId, childId));

  it('makes one record with both source identities, the later row adding its carer; the file run again changes nothing', async () => {
    const source = await makeSource(database.db);
    const child = person(source);
    const again = { ...child, source_person_id: `${child.source_person_id}-again`, carer2_given_names: 'John', carer2_family_name: child.family_name, carer2_relationship: 'father', carer2_parental_responsibility: 'Y' };
    const file = loadCsv([child, person(source), again]);
    const { loadId } = await loadText(database.db, source, file);
    expect(await rowOf(loadId, 4)).toMatchObject({ outcome: 'linked', sameChildAsRow: 2, childId: (await rowOf(loadId, 2)).childId });
    expect((await loadOf(loadId)).counts).toMatchObject({ created: 2, linked: 1, sameChildInFile: 1, review: 0 });
    const records = await childrenCalled(child.family_name);
    expect(records).toHaveLength(1);
    const made = records[0]!;
    expect((await identitiesOf(made.id)).map((i) => i.sourcePersonId).sort()).toEqual([child.source_person_id, again.source_person_id].sort());
    expect((await carersOf(made.id)).map((c) => c.givenNames)).toEqual(['John', 'Mary']);
    const versions = await versionsOf(made.id);
    expect(versions.map((v) => v.reason)).toEqual(['Created by load test.csv, row 2', 'Load test.csv, row 4']);
    expect(versions[1]!.changes.map((c) => [c.item, c.field])).toEqual([['carer', 'carer']]);

    const snapshot = async () => ({
      children: (await database.db.select({ n: count() }).from(children))[0]!.n,
      versions: (await database.db.select({ n: count() }).from(recordVersions))[0]!.n,
      carers: (await database.db.select({ n: count() }).from(childCarers))[0]!.n,
      identities: (await database.db.select({ n: count() }).from(sourceIdentities))[0]!.n,
    });
    const before = await snapshot();
    expect(await loadText(database.db, source, file)).toEqual({ loadId, alreadyReceived: true });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the earlier row’s values when a later load sends both of the child’s person ids', async () => {
    const source = await makeSource(database.db);
    const child = person(source);
    const again = { ...child, source_person_id: `${child.source_person_id}-again` };
    await loadText(database.db, source, loadCsv([child, again]), { fileName: 'first.csv' });
    const [made] = await childrenCalled(child.family_name);
    const moved = { address_line1: '2 Later Lane', postcode: 'LS2 9JT' };
    const { loadId } = await loadText(
      database.db,
      source,
      loadCsv([{ ...child, ...moved, given_names: `${child.given_names} Rose` }, { ...again, given_names: `${child.given_names}x`, carer1_phone: '0113 496 0321' }]),
      { asOf: '2026-12-05', fileName: 'second.csv' },
    );
    expect([(await rowOf(loadId, 2)).outcome, (await rowOf(loadId, 3)).outcome]).toEqual(['source_id', 'source_id']);
    const [after] = await childrenCalled(child.family_name);
    expect(after).toMatchObject({ id: made!.id, givenNames: child.given_names, postcode: 'LS2 9JT' });
    expect((await carersOf(made!.id))[0]!.phone).toBe(child.carer1_phone);
    const versions = await versionsOf(made!.id);
    expect(versions.at(-1)).toMatchObject({ reason: 'Load second.csv, row 2', changes: [{ item: 'address', field: 'address' }] });
    const pending = await database.db.select().from(correctionRequests).where(eq(correctionRequests.childId, made!.id));
    expect(pending.map((r) => r.requestedValue)).toEqual([`${child.given_names} Rose ${child.family_name}`]);
  });

  it('keeps twins in one file two children: same family name, date of birth and address, another first name', async () => {
    const source = await makeSource(database.db);
    const first = person(source, { given_names: 'Ottoline' });
    const twin = { ...first, source_person_id: `${first.source_person_id}-twin`, given_names: 'Barnaby', gender: 'M' };
    const { loadId } = await loadText(database.db, source, loadCsv([first, twin]));
    expect((await rowOf(loadId, 3)).outcome).toBe('new');
    expect((await childrenCalled(first.family_name)).map((c) => c.givenNames).sort()).toEqual(['Barnaby', 'Ottoline']);
  });

  it('sends a later row that may be the same child to review once the earlier row’s record is made, never a second record by itself', async () => {
    const source = await makeSource(database.db);
    const first = person(source, { given_names: 'Clementine Rose' });
    const maybe = { ...first, source_person_id: `${first.source_person_id}-maybe`, given_names: 'Rose', gender: 'U', address_line1: '2 Elsewhere Road', town: 'Manchester', postcode: 'M1 1AE' };
    const { loadId } = await loadText(database.db, source, loadCsv([first, maybe]));
    const row = await rowOf(loadId, 3);
    expect(row).toMatchObject({ outcome: 'review', sameChildAsRow: 2, childId: null });
    const [made] = await childrenCalled(first.family_name);
    const reviews = await database.db.select().from(matchReviews).where(eq(matchReviews.loadId, loadId));
    expect(reviews).toMatchObject([{ rowNumber: 3, candidateChildId: made!.id, because: 'another row of this load', status: 'pending' }]);
    expect(await childrenCalled(first.family_name)).toHaveLength(1);

    const caseworker = await createStaffFixture(database.db, (await database.db.query.localAuthorities.findFirst())!.code);
    await decideMatchReview({ db: database.db, caseworker, reviewId: reviews[0]!.id, decision: { outcome: 'link', reason: 'The same child: checked with the school' } });
    expect(await childrenCalled(first.family_name)).toHaveLength(1);
    expect((await identitiesOf(made!.id)).map((i) => i.sourcePersonId).sort()).toEqual([first.source_person_id, maybe.source_person_id].sort());
    // The file's earlier row made the record: the repeat adds its source id, it does not rename the child.
    expect((await childrenCalled(first.family_name))[0]!.givenNames).toBe('Clementine Rose');
  });

  it('sends two rows that both match one held child to review, not two automatic links', async () => {
    const p = person({ code: '' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p), asSentBy(source, p, { source_person_id: `${p.source_person_id}-again` })]));
    expect([(await rowOf(loadId, 2)).outcome, (await rowOf(loadId, 3)).outcome]).toEqual(['review', 'review']);
    const candidates = await database.db.select().from(matchReviews).where(eq(matchReviews.loadId, loadId));
    expect(candidates.map((r) => r.candidateChildId)).toEqual([child.id, child.id]);
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
  });

  it('gives the same result when killed between the earlier row’s batch and the later row’s', async () => {
    const source = await makeSource(database.db);
    const people = Array.from({ length: 4 }, () => person(source));
    const again = { ...people[0]!, source_person_id: `${people[0]!.source_person_id}-again` };
    const maybe = { ...people[1]!, source_person_id: `${people[1]!.source_person_id}-maybe`, given_names: 'Rose', gender: 'U', address_line1: '2 Elsewhere Road', town: 'Manchester', postcode: 'M1 1AE' };
    people[1]!.given_names = 'Clementine Rose';
    const file = loadCsv([...people, again, maybe]);
    const staged = await stageLoad({ db: database.db, source, fileName: 'killed-twice.csv', open: fromText(file), asOf: '2026-11-30', submittedBy: { kind: 'system', id: null } });
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
    expect(await database.db.select().from(matchReviews).where(eq(matchReviews.loadId, staged.loadId))).toHaveLength(1);

    await loadText(database.db, source, file, { fileName: 'killed-twice.csv', batchSize: 3 });
    const load = await loadOf(staged.loadId);
    expect(load).toMatchObject({ status: 'done', counts: { created: 4, sameChildInFile: 1, review: 1, applied: 5 } });
    for (const p of people) expect(await childrenCalled(p.family_name)).toHaveLength(1);
    const [first] = await childrenCalled(people[0]!.family_name);
    expect((await identitiesOf(first!.id)).map((i) => i.sourcePersonId).sort()).toEqual([people[0]!.source_person_id, again.source_person_id].sort());
    expect(await database.db.select().from(matchReviews).where(eq(matchReviews.loadId, staged.loadId))).toHaveLength(1);
  });
});
