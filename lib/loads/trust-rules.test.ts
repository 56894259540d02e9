import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carers, childAddresses, childCarers, children, correctionRequests, matchReviews, organisations, otherNames, shields, sourceLoadRows } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { actOnRequest } from '@/lib/casework/act-on-request';
import { findChildren } from '@/lib/search/find-children';
import { decideMatchReview } from './decide-match-review';
import { asSentBy, loadCsv, loadText, makeSource, person, type Person, uniqueFamilyName } from '@/testing/load-fixtures';

// The situations issue 21 saw go wrong, each as a load would meet it: a row that nearly is a protected child, two
// different children who share names and a birthday, a slip in a family name.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 30, seed: 73, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

const childrenCalled = (familyName: string) => database.db.select().from(children).where(eq(children.familyName, familyName));
const rowOf = async (loadId: string, rowNumber: number) =>
  (await database.db.select().from(sourceLoadRows).where(and(eq(sourceLoadRows.loadId, loadId), eq(sourceLoadRows.rowNumber, rowNumber))))[0]!;
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const slip = (name: string) => `${name.slice(0, 2)}${name[2] === 'x' ? 'y' : 'x'}${name.slice(3)}`;

async function held(p: Person) {
  const source = await makeSource(database.db);
  await loadText(database.db, source, loadCsv([{ ...p, source_system: source.code }]));
  const [child] = await childrenCalled(p.family_name);
  return { child: child!, source };
}

async function shieldedChild(p: Person) {
  const { child, source } = await held(p);
  const la = (await database.db.query.sourceSystems.findFirst({ where: (s, { eq: is }) => is(s.id, source.id) }))!.localAuthorityCode!;
  await database.db.update(children).set({ isShielded: true, postcode: null }).where(eq(children.id, child.id));
  await database.db.insert(shields).values({ childId: child.id, responsibleLocalAuthorityCode: la, reason: 'Fleeing domestic violence' });
  return { child, la };
}

const newHome = { address_line1: '7 Refuge Walk', town: 'Hideaway', postcode: 'YO31 7ZZ' };

describe('a row that nearly is a shielded child', () => {
  it('waits for a caseworker and makes no record a practitioner could find, with a one-letter slip in the given name and the birthday a day out', async () => {
    const p = person({ code: '' });
    const { child } = await shieldedChild(p);
    const source = await makeSource(database.db);
    const near = asSentBy(source, p, { ...newHome, given_names: slip(p.given_names), date_of_birth: dayAfter(p.date_of_birth) });
    const { loadId } = await loadText(database.db, source, loadCsv([near]));
    const row = await rowOf(loadId, 2);
    expect(row.outcome).toBe('review');
    expect(row.shieldFromChildId).toBe(child.id);
    expect(await childrenCalled(p.family_name)).toHaveLength(1);

    const council = (await database.db.query.sourceSystems.findFirst())!.localAuthorityCode!;
    const practitioner = await createStaffFixture(database.db, council, { role: 'practitioner' });
    const found = await findChildren({
      db: database.db,
      actor: { id: practitioner.id, organisationId: practitioner.organisationId, kind: 'staff' },
      search: { reason: 'safeguarding_concern', familyName: p.family_name, givenName: p.given_names, dateOfBirth: dayAfter(p.date_of_birth) } as never,
    });
    expect(found.outcome).toBe('matches');
    if (found.outcome === 'matches') expect(found.matches.filter((m) => !m.shielded)).toEqual([]);
  });

  it('waits for a caseworker whatever else the file carries: the near row beside the exact one', async () => {
    const p = person({ code: '' });
    const { child } = await shieldedChild(p);
    const source = await makeSource(database.db);
    const exact = asSentBy(source, p, newHome);
    const near = asSentBy(source, p, { ...newHome, source_person_id: `${p.source_person_id}-b`, given_names: slip(p.given_names), date_of_birth: dayAfter(p.date_of_birth) });
    const { loadId } = await loadText(database.db, source, loadCsv([exact, near]));
    for (const rowNumber of [2, 3]) expect(await rowOf(loadId, rowNumber)).toMatchObject({ outcome: 'review', shieldFromChildId: child.id });
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
  });

  it('waits for a caseworker when only one part of a double-barrelled family name and the new district are given', async () => {
    const p = person({ code: '' });
    const { child } = await shieldedChild(p);
    const source = await makeSource(database.db);
    // Another street in the child's own postcode district, and a birthday two days out (not always one digit out).
    const district = p.postcode.split(' ')[0]!;
    const barrelled = asSentBy(source, p, { ...newHome, postcode: `${district} 9ZZ`, family_name: `Ashworth-${p.family_name}`, date_of_birth: dayAfter(dayAfter(p.date_of_birth)) });
    const { loadId } = await loadText(database.db, source, loadCsv([barrelled]));
    expect(await rowOf(loadId, 2)).toMatchObject({ outcome: 'review', shieldFromChildId: child.id });
  });
});

describe('a child with a new identity', () => {
  async function newIdentityChild(p: Person) {
    const { child, source } = await held(p);
    await database.db.update(children).set({ isNewIdentity: true }).where(eq(children.id, child.id));
    return { child, source };
  }

  it('holds a row with the adoptive name, birthday and postcode and the birth family name as a former name for a caseworker, and linking it never adds the birth name', async () => {
    const p = person({ code: '' });
    const { child } = await newIdentityChild(p);
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { former_names: `${p.given_names}|Birthfamily` })]));
    expect((await rowOf(loadId, 2)).outcome).toBe('review');
    expect(await childrenCalled(p.family_name)).toHaveLength(1);
    const [review] = await database.db.select().from(matchReviews).where(and(eq(matchReviews.loadId, loadId), eq(matchReviews.candidateChildId, child.id)));
    expect(review).toBeDefined();

    const council = (await database.db.query.sourceSystems.findFirst())!.localAuthorityCode!;
    const caseworker = await createStaffFixture(database.db, council);
    await decideMatchReview({ db: database.db, caseworker, reviewId: review!.id, decision: { outcome: 'link', reason: 'The same child: checked with the adoption agency' } }).catch(() => undefined);
    const names = await database.db.select().from(otherNames).where(eq(otherNames.childId, child.id));
    expect(names.map((n) => n.familyName)).not.toContain('Birthfamily');
  });

  it('never adds a former name to it from a source that knows it by its own person id', async () => {
    const p = person({ code: '' });
    const { child, source } = await newIdentityChild(p);
    await loadText(database.db, source, loadCsv([{ ...p, source_system: source.code, former_names: `${p.given_names}|Birthfamily` }]), { asOf: '2026-12-01' });
    const names = await database.db.select().from(otherNames).where(eq(otherNames.childId, child.id));
    expect(names).toEqual([]);
  });
});

describe('a link never changes who a child is', () => {
  it('does not link a different child with the same names, birthday and gender who lives elsewhere with another parent, and leaves the held address alone', async () => {
    const p = person({ code: '' }, { given_names: 'Oliver', gender: 'M' });
    const { child } = await held(p);
    const [before] = await database.db.select().from(childAddresses).where(eq(childAddresses.childId, child.id));
    const source = await makeSource(database.db);
    const other = asSentBy(source, p, { ...newHome, carer1_given_names: 'Precious', carer1_family_name: 'Adeyemi', carer1_phone: '' });
    const { loadId } = await loadText(database.db, source, loadCsv([other]));
    expect((await rowOf(loadId, 2)).outcome).not.toBe('linked');
    const [after] = await database.db.select().from(childAddresses).where(and(eq(childAddresses.childId, child.id), eq(childAddresses.addressId, before!.addressId)));
    expect(after!.livedUntil).toBeNull();
  });

  it('keeps two rows of one file with different person ids two children when only names, birthday and gender agree', async () => {
    const source = await makeSource(database.db);
    const p = person(source, { given_names: 'Amelia' });
    const namesake = { ...p, ...newHome, source_person_id: `${p.source_person_id}-other`, carer1_given_names: 'Joy', carer1_family_name: 'Okafor', carer1_phone: '' };
    const { loadId } = await loadText(database.db, source, loadCsv([p, namesake]));
    expect((await rowOf(loadId, 3)).outcome).not.toBe('linked');
    const made = await childrenCalled(p.family_name);
    expect(made.length + ((await rowOf(loadId, 3)).outcome === 'review' ? 1 : 0)).toBe(2);
  });

  it('links a one-letter slip in the family name but leaves the name as held: the slip is what the link tolerated', async () => {
    const p = person({ code: '' }, { given_names: 'Kwame Kofi', gender: 'M' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const typo = `${p.family_name.slice(0, 3)}${p.family_name.slice(4)}`;
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { family_name: typo, given_names: 'Kwame' })]), { asOf: '2026-12-02' });
    const row = await rowOf(loadId, 2);
    expect(row).toMatchObject({ outcome: 'linked', childId: child.id });
    const [after] = await database.db.select().from(children).where(eq(children.id, child.id));
    expect(after).toMatchObject({ familyName: p.family_name, givenNames: 'Kwame Kofi', dateOfBirth: p.date_of_birth });
    expect(await database.db.select().from(correctionRequests).where(eq(correctionRequests.childId, child.id))).toEqual([]);
  });

  it('asks a caseworker about a new family name a link by name found, and leaves the name as held meanwhile', async () => {
    const p = person({ code: '' }, { postcode: 'LS1 1AT' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { family_name: 'Zwanenberg' })]), { asOf: '2026-12-02' });
    expect(await rowOf(loadId, 2)).toMatchObject({ outcome: 'linked', childId: child.id });
    const [after] = await database.db.select().from(children).where(eq(children.id, child.id));
    expect(after!.familyName).toBe(p.family_name);
    const pending = await database.db.select().from(correctionRequests).where(eq(correctionRequests.childId, child.id));
    expect(pending).toMatchObject([{ itemKind: 'child', field: 'name', status: 'received', raisedBySourceSystemId: source.id, requestedValue: `${p.given_names} Zwanenberg` }]);

    // A caseworker decides it like any correction, except that nobody can answer a question about it.
    const council = pending[0]!.localAuthorityCode ?? (await database.db.query.sourceSystems.findFirst())!.localAuthorityCode!;
    const caseworker = { ...(await createStaffFixture(database.db, council)), homeAddressLine1: null, homePostcode: null };
    const requestId = pending[0]!.id;
    await expect(actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'ask_for_information', question: 'Which is right?' } })).rejects.toMatchObject({ code: 'invalid' });
    expect(await actOnRequest({ db: database.db, caseworker, requestId, command: { kind: 'refuse', reason: 'The birth certificate says otherwise' } })).toBe('refused');
    const [still] = await database.db.select().from(children).where(eq(children.id, child.id));
    expect(still!.familyName).toBe(p.family_name);
  });

  it('does not link another family’s child who shares the first name, birthday and address: the carers say who it is', async () => {
    const p = person({ code: '' }, { postcode: 'LS1 2AT' });
    const { child } = await held(p);
    const source = await makeSource(database.db);
    const neighbour = asSentBy(source, p, { family_name: 'Cooke', carer1_given_names: 'Summer', carer1_family_name: 'Cooke', carer1_phone: '', school_urn: '', gp_practice_code: '' });
    const { loadId } = await loadText(database.db, source, loadCsv([neighbour]), { asOf: '2026-12-02' });
    expect((await rowOf(loadId, 2)).outcome).toBe('review');
    const [after] = await database.db.select().from(children).where(eq(children.id, child.id));
    expect(after!.familyName).toBe(p.family_name);
  });

  it('never changes the date of birth or gender by a source id either: each difference waits for a caseworker, once', async () => {
    const source = await makeSource(database.db);
    const p = person(source);
    await loadText(database.db, source, loadCsv([p]), { asOf: '2026-11-01' });
    const [child] = await childrenCalled(p.family_name);
    const changed = { ...p, date_of_birth: dayAfter(p.date_of_birth), gender: 'M' };
    await loadText(database.db, source, loadCsv([changed]), { asOf: '2026-11-30' });
    await loadText(database.db, source, loadCsv([{ ...changed, address_line2: 'Flat 1' }]), { asOf: '2026-12-01', fileName: 'again.csv' });
    const [after] = await database.db.select().from(children).where(eq(children.id, child!.id));
    expect(after).toMatchObject({ dateOfBirth: p.date_of_birth, gender: 'female' });
    const pending = await database.db.select().from(correctionRequests).where(eq(correctionRequests.childId, child!.id));
    expect(pending.map((r) => r.field).sort()).toEqual(['dateOfBirth', 'gender']);
  });
});

describe('a child who moved, whose first and family names many children share', () => {
  // Forty held children of one first and family name, each with a parent of their own: in this small index that name
  // is as common as the commonest in England, so a parent's name alone does not tell the child from a namesake.
  const MOTHERS = ['Grace', 'Abena', 'Joanne', 'Priya', 'Siobhan', 'Fatima', 'Karen', 'Ewa'];
  let many: Person[] = [];
  let schools: string[] = [];
  let practices: string[] = [];
  // The school and GP practice the child has now corroborate a move too: rows testing other evidence name neither.
  const noSetting = { school_urn: '', gp_practice_code: '' };
  const contactOf = (i: number) => ({ carer1_phone: `0113 496 0${String(100 + i)}`, carer1_email: `parent.${i}@example.com` });

  beforeAll(async () => {
    const codes = async (kind: 'school' | 'gp_practice') =>
      (await database.db.select({ code: organisations.code }).from(organisations).where(eq(organisations.kind, kind)).limit(2)).map((o) => o.code!);
    [schools, practices] = [await codes('school'), await codes('gp_practice')];
    const source = await makeSource(database.db);
    const family = uniqueFamilyName();
    many = Array.from({ length: 40 }, (_, i) =>
      person(source, {
        given_names: 'Oliver', gender: 'M', family_name: family, date_of_birth: `${2012 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}-14`,
        carer1_given_names: MOTHERS[i % MOTHERS.length]!, carer1_family_name: family, ...contactOf(i),
        school_urn: schools[i % 2]!, gp_practice_code: practices[i % 2]!,
      }));
    await loadText(database.db, source, loadCsv(many));
  });

  const heldAs = async (p: Person) => (await database.db.select().from(children).where(and(eq(children.familyName, p.family_name), eq(children.dateOfBirth, p.date_of_birth))))[0]!;

  it('waits for a caseworker when only the parent’s name agrees', async () => {
    const p = many[3]!;
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { ...newHome, ...noSetting, carer1_phone: '', carer1_email: '' })]));
    expect((await rowOf(loadId, 2)).outcome).toBe('review');
  });

  it('links it when the file gives the same parent with the same email address or phone number, however written', async () => {
    const source = await makeSource(database.db);
    const [byEmail, byPhone] = [many[5]!, many[6]!];
    const rows = [
      asSentBy(source, byEmail, { ...newHome, ...noSetting, carer1_phone: '', carer1_email: contactOf(5).carer1_email.toUpperCase() }),
      asSentBy(source, byPhone, { ...newHome, ...noSetting, address_line1: '9 Refuge Walk', carer1_email: '', carer1_phone: `+44 (0)113 496 0${100 + 6}` }),
    ];
    const { loadId } = await loadText(database.db, source, loadCsv(rows));
    expect(await rowOf(loadId, 2)).toMatchObject({ outcome: 'linked', childId: (await heldAs(byEmail)).id });
    expect(await rowOf(loadId, 3)).toMatchObject({ outcome: 'linked', childId: (await heldAs(byPhone)).id });
  });

  it('does not link a namesake whose parent has the same name but another email address and phone number', async () => {
    const p = many[7]!;
    const source = await makeSource(database.db);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { ...newHome, ...noSetting, carer1_phone: '0113 496 0999', carer1_email: 'someone.else@example.com' })]));
    expect((await rowOf(loadId, 2)).outcome).not.toBe('linked');
  });

  it('makes one child of two rows of one file under two person ids only when the same parent’s email is on both', async () => {
    const source = await makeSource(database.db);
    const family = many[0]!.family_name;
    const child = (id: string, birthday: string, more: Record<string, string>) =>
      person(source, { source_person_id: id, given_names: 'Oliver', gender: 'M', family_name: family, date_of_birth: birthday, carer1_given_names: 'Ruth', carer1_family_name: family, carer1_phone: '', ...more });
    const email = { carer1_email: 'ruth.r@example.com' };
    const rows = [
      child('A1', '2019-07-07', email), child('A2', '2019-07-07', { ...newHome, ...email }),
      child('B1', '2019-08-08', email), child('B2', '2019-08-08', { ...newHome, carer1_email: '' }),
    ];
    const { loadId } = await loadText(database.db, source, loadCsv(rows));
    expect(await rowOf(loadId, 3)).toMatchObject({ outcome: 'linked', sameChildAsRow: 2 });
    expect(await rowOf(loadId, 5)).toMatchObject({ outcome: 'new', sameChildAsRow: null });
  });

  it('links it when the file names the school the child attends now, or its GP practice, and nothing else agrees', async () => {
    const source = await makeSource(database.db);
    const [bySchool, byPractice] = [many[9]!, many[10]!];
    const noContact = { ...newHome, carer1_phone: '', carer1_email: '' };
    const rows = [
      asSentBy(source, bySchool, { ...noContact, gp_practice_code: '' }),
      asSentBy(source, byPractice, { ...noContact, address_line1: '9 Refuge Walk', school_urn: '' }),
    ];
    const { loadId } = await loadText(database.db, source, loadCsv(rows));
    expect(await rowOf(loadId, 2)).toMatchObject({ outcome: 'linked', childId: (await heldAs(bySchool)).id });
    expect(await rowOf(loadId, 3)).toMatchObject({ outcome: 'linked', childId: (await heldAs(byPractice)).id });
  });

  it('does not link a namesake at another school and practice: a school is evidence only when it is the child’s own', async () => {
    const p = many[11]!;
    const source = await makeSource(database.db);
    const elsewhere = { ...newHome, carer1_phone: '', carer1_email: '', school_urn: schools[0]!, gp_practice_code: practices[0]! };
    expect([(p as Record<string, string>).school_urn, (p as Record<string, string>).gp_practice_code]).toEqual([schools[1], practices[1]]);
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, elsewhere)]));
    expect((await rowOf(loadId, 2)).outcome).toBe('review');
  });

  it('makes one child of two rows of one file under two person ids when both name the same school', async () => {
    // Not newHome, where children linked above now live: a held namesake there would take these rows to review.
    const farAway = { address_line1: '3 Moor Lane', town: 'Faraway', postcode: 'TR1 1AA' };
    const source = await makeSource(database.db);
    const family = many[0]!.family_name;
    const child = (id: string, birthday: string, more: Record<string, string>) =>
      person(source, { source_person_id: id, given_names: 'Oliver', gender: 'M', family_name: family, date_of_birth: birthday, carer1_given_names: 'Ruth', carer1_family_name: family, carer1_phone: '', carer1_email: '', gp_practice_code: '', ...more });
    const rows = [
      child('S1', '2019-09-09', { school_urn: schools[0]! }), child('S2', '2019-09-09', { ...farAway, school_urn: schools[0]! }),
      child('T1', '2019-10-10', { school_urn: schools[0]! }), child('T2', '2019-10-10', { ...farAway, school_urn: schools[1]! }),
    ];
    const { loadId } = await loadText(database.db, source, loadCsv(rows));
    expect(await rowOf(loadId, 3)).toMatchObject({ outcome: 'linked', sameChildAsRow: 2 });
    expect(await rowOf(loadId, 5)).toMatchObject({ outcome: 'new', sameChildAsRow: null });
  });

  it('takes no contact detail that many rows of the file give as anyone’s own: a placeholder is not a parent', async () => {
    const source = await makeSource(database.db);
    const placeholder = { carer1_phone: '0113 496 0000', carer1_email: 'office@school.example.org' };
    // The moved child's parent really has the school office's number on the index too: it still proves nothing.
    const p = many[8]!;
    const held = await heldAs(p);
    const [link] = await database.db.select().from(childCarers).where(eq(childCarers.childId, held.id));
    await database.db.update(carers).set({ phone: placeholder.carer1_phone, email: placeholder.carer1_email }).where(eq(carers.id, link!.carerId));
    const others = Array.from({ length: 7 }, () => person(source, placeholder));
    const { loadId } = await loadText(database.db, source, loadCsv([asSentBy(source, p, { ...newHome, ...noSetting, ...placeholder }), ...others]));
    expect((await rowOf(loadId, 2)).outcome).toBe('review');
  });
});
