import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationCodes, auditEvents, carers, childCarers, children, emailOutbox, localAuthorities, printedLetters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { env } from '@/lib/env.js';
import { addWorkingDays, todayInLondon } from '@/lib/kernel/dates';
import { findCodeOnItsWay, LETTER_WORKING_DAYS } from './find-code-on-its-way';
import { MAX_WAITING_LETTERS_PER_CHILD } from './issue-activation-code';
import { stateIdentity, STATEMENTS_PER_DAY } from './state-identity';
import { emailedCode, newCitizen, postedCode, statementFor } from '@/testing/identity-fixtures';
import { readLetterText } from '@/testing/read-letter-text';

let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');
const TEEN = '2012-04-05';
const SMALL = '2019-04-05';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 23, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

// Family names unlike each other and unlike the seed's, so that each statement can only match its own child.
let families = 0;
const uniqueFamily = (stem: string) => `${stem}${'abcdefghij'[families++ % 10]}${'qwertyuiop'[Math.floor(families / 10) % 10]}`;

const state = (citizen: { id: string }, statement: Parameters<typeof stateIdentity>[0]['statement'], now = NOW) =>
  stateIdentity({ db: database.db, citizen, statement, now, answerAfterMs: 0 });
const codesOf = (citizenId: string) => database.db.select().from(activationCodes).where(eq(activationCodes.citizenId, citizenId));
const statementsBy = (citizenId: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, citizenId), eq(auditEvents.action, 'citizen.identity.statement'))).orderBy(auditEvents.id);

describe('stating who you are', () => {
  it('with a misspelt family name finds the record, and posts a code in a PDF letter to the address held', async () => {
    const family = uniqueFamily('Oakenshaw');
    const child = await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN });
    const citizen = await newCitizen(database.db);
    expect(await state(citizen, statementFor(child, family.replace('ken', 'kne'), TEEN))).toEqual({ outcome: 'sent_if_matched' });

    const [code] = await codesOf(citizen.id);
    expect(code).toMatchObject({ childId: child.childId, channel: 'post', relationship: 'self', letterDate: '2026-11-25', failedAttempts: 0, usedAt: null });
    // 28 days after the letter's date, to the end of that day in England.
    expect(code!.expiresAt.toISOString()).toBe('2026-12-24T00:00:00.000Z');
    // Only an argon2id hash is kept.
    expect(code!.codeHash).toMatch(/^\$argon2id\$/);

    const [letter] = await database.db.select().from(printedLetters).where(eq(printedLetters.activationCodeId, code!.id));
    expect(letter).toMatchObject({ addressId: child.addressId, printedAt: null });
    expect(letter!.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = readLetterText(letter!.pdf);
    expect(text.slice(0, 2)).toEqual([`Fixture ${family}`, child.secrets.addressLine]);
    const printed = await postedCode(database.db, citizen.id);
    expect(printed).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    expect(code!.codeHash).not.toContain(printed);

    // The print room gets the PDF with its email; the code is nowhere in the email's words.
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.attachmentLetterId, letter!.id));
    expect(mail!.toAddress).toBe(env.PRINT_ROOM_EMAIL);
    expect(mail!.body).not.toContain(printed!.slice(0, 5));
    expect(mail!.body).not.toContain(child.secrets.addressLine);

    const [event] = await statementsBy(citizen.id);
    expect(event).toMatchObject({ outcome: 'code_sent', childIds: [child.childId], query: { relationship: 'self' } });
  });

  it('signs the letter from the index team of the address’s council, with its phone number, the service’s web address and a reference kept with the letter', async () => {
    const family = uniqueFamily('Letterby');
    const child = await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN });
    const citizen = await newCitizen(database.db);
    await state(citizen, statementFor(child, family, TEEN));
    const [code] = await codesOf(citizen.id);
    const [letter] = await database.db.select().from(printedLetters).where(eq(printedLetters.activationCodeId, code!.id));
    expect(letter!.reference).toMatch(/^AL-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const [council] = await database.db.select().from(localAuthorities).where(eq(localAuthorities.code, child.localAuthorityCode));
    const words = readLetterText(letter!.pdf).join(' ');
    for (const expected of [`Reference: ${letter!.reference}`, council!.indexTeamPhone, `The Children's Index team, ${council!.name}`, 'http://localhost:3000/portal']) {
      expect(words).toContain(expected);
    }
  });

  it('lets "Enter your code" say how the code comes from whose record was asked for, never from whether anything matched', async () => {
    const young = await newCitizen(database.db);
    expect(await findCodeOnItsWay({ db: database.db, citizenId: young.id, now: NOW })).toBeNull();
    // The letter is printed and posted the next working day, and arrives within about 4 working days.
    expect(addWorkingDays('2026-11-25', LETTER_WORKING_DAYS)).toBe('2026-12-01');
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    const family = uniqueFamily('Waitfor');
    await state(young, statementFor(await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN }), family, TEEN));
    const matched = await findCodeOnItsWay({ db: database.db, citizenId: young.id, now: NOW });
    expect(matched).toEqual({ relationship: 'self', letterArrivesBy: addWorkingDays(todayInLondon(), LETTER_WORKING_DAYS) });
    const nobody = await newCitizen(database.db);
    await state(nobody, statementFor(await createChildFixture(database.db, { dateOfBirth: TEEN }), 'Nonesuchqq', TEEN));
    expect(await findCodeOnItsWay({ db: database.db, citizenId: nobody.id, now: NOW })).toEqual(matched);
    const parent = await newCitizen(database.db);
    await state(parent, statementFor(await createChildFixture(database.db, { dateOfBirth: SMALL }), 'Nonesuchqq', SMALL, { relationship: 'parent', parentGivenName: 'Sam', parentFamilyName: 'Nobody' }));
    expect(await findCodeOnItsWay({ db: database.db, citizenId: parent.id, now: NOW })).toMatchObject({ relationship: 'parent' });
  });

  it('tolerates a short form of the given name, and day and month swapped', async () => {
    const family = uniqueFamily('Wetherall');
    const child = await createChildFixture(database.db, { familyName: family, dateOfBirth: '2012-03-07' });
    await database.db.update(children).set({ givenNames: 'Katie Louise' }).where(eq(children.id, child.childId));
    const byShortName = await newCitizen(database.db);
    await state(byShortName, statementFor(child, family, '2012-03-07', { childGivenName: 'Kate' }));
    expect(await codesOf(byShortName.id)).toHaveLength(1);
    const bySwappedDate = await newCitizen(database.db);
    await state(bySwappedDate, statementFor(child, family, '2012-07-03', { childGivenName: 'Katie' }));
    expect(await codesOf(bySwappedDate.id)).toHaveLength(1);
  });

  it('gives the same answer and sends nothing for a wrong postcode, a shielded record, an under-12 claiming their own, a record that has left or been merged', async () => {
    const make = async (stem: string, options: { shielded?: boolean; dateOfBirth?: string } = {}) => {
      const family = uniqueFamily(stem);
      return { family, child: await createChildFixture(database.db, { familyName: family, dateOfBirth: options.dateOfBirth ?? TEEN, shielded: options.shielded }) };
    };
    const open = await make('Brackenbury');
    const shielded = await make('Hollingworth', { shielded: true });
    const young = await make('Pendlebury', { dateOfBirth: SMALL });
    const archived = await make('Ravensworth');
    const merged = await make('Thistlethwaite');
    await database.db.update(children).set({ status: 'archived' }).where(eq(children.id, archived.child.childId));
    await database.db.update(children).set({ status: 'merged', mergedIntoId: open.child.childId }).where(eq(children.id, merged.child.childId));
    const outboxBefore = (await database.db.select().from(emailOutbox)).length;

    const citizen = await newCitizen(database.db);
    const answers = [
      await state(citizen, statementFor(open.child, open.family, TEEN, { postcode: 'ZZ99 9ZZ' })),
      await state(citizen, statementFor(shielded.child, shielded.family, TEEN)),
      await state(citizen, statementFor(young.child, young.family, SMALL)),
      await state(citizen, statementFor(archived.child, archived.family, TEEN)),
      await state(citizen, statementFor(merged.child, merged.family, TEEN)),
    ];
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ outcome: 'sent_if_matched' })]));
    expect(await codesOf(citizen.id)).toHaveLength(0);
    expect((await database.db.select().from(emailOutbox)).length).toBe(outboxBefore);

    // The audit trail tells the index team what happened; never what was typed.
    const events = await statementsBy(citizen.id);
    expect(events.map((e) => [e.outcome, e.childIds])).toEqual([
      ['no_match', []],
      ['shielded', [shielded.child.childId]],
      ['too_young', [young.child.childId]],
      ['no_match', []],
      ['no_match', []],
    ]);
    for (const event of events) {
      expect(event.query).toEqual({ relationship: 'self' });
      expect(JSON.stringify(event)).not.toMatch(/Brackenbury|Hollingworth|ZZ99|2012-04-05/);
    }
  });

  it('sends nothing when two children are too alike to tell apart', async () => {
    const family = uniqueFamily('Fairweather');
    const first = await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN });
    const twin = await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN, addressId: first.addressId });
    await database.db.update(children).set({ givenNames: 'Fixtures' }).where(eq(children.id, twin.childId));
    const citizen = await newCitizen(database.db);
    await state(citizen, statementFor(first, family, TEEN, { childGivenName: 'Fixtur' }));
    expect(await codesOf(citizen.id)).toHaveLength(0);
  });

  it(`is limited to ${STATEMENTS_PER_DAY} a day, so the form cannot be used to probe the index`, async () => {
    const citizen = await newCitizen(database.db);
    const child = await createChildFixture(database.db, { dateOfBirth: TEEN });
    for (let i = 0; i < STATEMENTS_PER_DAY; i++) expect(await state(citizen, statementFor(child, 'Nobody', TEEN))).toEqual({ outcome: 'sent_if_matched' });
    expect(await state(citizen, statementFor(child, 'Nobody', TEEN))).toEqual({ outcome: 'too_many_tries' });
    expect(await state(citizen, statementFor(child, 'Fixture', TEEN))).toEqual({ outcome: 'too_many_tries' });
    expect(await codesOf(citizen.id)).toHaveLength(0);
    expect((await statementsBy(citizen.id)).map((e) => e.outcome)).toEqual([...Array<string>(STATEMENTS_PER_DAY).fill('no_match'), 'too_many', 'too_many']);
  });

  it(`posts no more than ${MAX_WAITING_LETTERS_PER_CHILD} letters to a household at a time, whoever asks`, async () => {
    const family = uniqueFamily('Cholmondeley');
    const child = await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN });
    for (let i = 0; i <= MAX_WAITING_LETTERS_PER_CHILD; i++) await state(await newCitizen(database.db), statementFor(child, family, TEEN));
    const letters = await database.db.select().from(activationCodes).where(eq(activationCodes.childId, child.childId));
    expect(letters).toHaveLength(MAX_WAITING_LETTERS_PER_CHILD);
    const [last] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'citizen.identity.statement')).orderBy(desc(auditEvents.id)).limit(1);
    expect(last).toMatchObject({ outcome: 'codes_waiting', childIds: [child.childId] });
  });

  it('pads every answer to the same moment, whether or not anything matched, and even when the statement fails', async () => {
    const family = uniqueFamily('Marlborough');
    const child = await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN });
    // A clock that moves only when told: whatever the work took, the wait asked for makes it up to answerAfterMs.
    const padding = async (statement: ReturnType<typeof statementFor>, tookMs: number) => {
      let time = 1_000_000;
      const waits: number[] = [];
      const clock = () => {
        const at = time;
        time += tookMs; // read twice: at the start, and at the end after tookMs
        return at;
      };
      const outcome = await stateIdentity({ db: database.db, citizen: await newCitizen(database.db), statement, now: NOW, answerAfterMs: 400, clock, pause: async (ms) => void waits.push(ms) });
      return { outcome, waits };
    };
    expect(await padding(statementFor(child, family, TEEN), 30)).toEqual({ outcome: { outcome: 'sent_if_matched' }, waits: [370] });
    expect(await padding(statementFor(child, 'Nobody', TEEN), 30)).toEqual({ outcome: { outcome: 'sent_if_matched' }, waits: [370] });
    expect(await padding(statementFor(child, 'Nobody', TEEN), 5)).toEqual({ outcome: { outcome: 'sent_if_matched' }, waits: [395] });
    // Work that overran the answer time is not made longer still.
    expect((await padding(statementFor(child, family, TEEN), 900)).waits).toEqual([]);
    // A statement that fails (here, a database that refuses it) is padded too before its error goes up.
    const waits: number[] = [];
    const broken = { ...database.db, transaction: async () => Promise.reject(new Error('the database went away')) } as unknown as typeof database.db;
    await expect(
      stateIdentity({ db: broken, citizen: await newCitizen(database.db), statement: statementFor(child, family, TEEN), now: NOW, answerAfterMs: 400, clock: () => 0, pause: async (ms) => void waits.push(ms) }),
    ).rejects.toThrow('the database went away');
    expect(waits).toEqual([400]);
  });
});

describe('a parent stating who they are', () => {
  async function childWithParent(dateOfBirth: string) {
    const family = uniqueFamily('Featherstone');
    const child = await createChildFixture(database.db, { familyName: family, dateOfBirth });
    const [held] = await database.db.select({ carer: carers }).from(childCarers).innerJoin(carers, eq(carers.id, childCarers.carerId)).where(eq(childCarers.childId, child.childId));
    const asParent = (given: string, familyName: string) => statementFor(child, family, dateOfBirth, { relationship: 'parent', parentGivenName: given, parentFamilyName: familyName });
    return { child, family, carer: held!.carer, asParent };
  }

  it('with parental responsibility and an email held gets the code by email, for 15 minutes', async () => {
    const { child, carer, asParent } = await childWithParent(SMALL);
    const parent = await newCitizen(database.db);
    // One letter out in their own family name still finds them.
    await state(parent, asParent('Parent', carer.familyName.replace(/r(?=[^r]*$)/, '')));
    const [code] = await codesOf(parent.id);
    expect(code).toMatchObject({ channel: 'email', carerId: carer.id, relationship: 'parent', childId: child.childId, letterDate: null });
    expect(code!.expiresAt.getTime() - NOW.getTime()).toBe(15 * 60 * 1000);
    expect(await emailedCode(database.db, carer.email!)).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('without an email held gets a letter addressed to them at the child’s address', async () => {
    const { child, family, carer, asParent } = await childWithParent(SMALL);
    await database.db.update(carers).set({ email: null }).where(eq(carers.id, carer.id));
    const parent = await newCitizen(database.db);
    await state(parent, asParent('Parent', carer.familyName));
    const [code] = await codesOf(parent.id);
    expect(code).toMatchObject({ channel: 'post', carerId: carer.id });
    const [letter] = await database.db.select().from(printedLetters).where(eq(printedLetters.activationCodeId, code!.id));
    const text = readLetterText(letter!.pdf);
    expect(text.slice(0, 2)).toEqual([`Parent ${carer.familyName}`, child.secrets.addressLine]);
    expect(text.join(' ')).toContain(`the record of Fixture ${family}`);
  });

  it('gets nothing, and the same answer, when not listed with parental responsibility or named differently', async () => {
    const { child, carer, asParent } = await childWithParent(TEEN);
    const [stepParent] = await database.db.insert(carers).values({ givenNames: 'Stepfather', familyName: 'Unrelated', email: 'step@example.com' }).returning();
    await database.db.insert(childCarers).values({ childId: child.childId, carerId: stepParent!.id, relationship: 'carer', hasParentalResponsibility: false });
    const withoutResponsibility = await newCitizen(database.db);
    expect(await state(withoutResponsibility, asParent('Stepfather', 'Unrelated'))).toEqual({ outcome: 'sent_if_matched' });
    const stranger = await newCitizen(database.db);
    expect(await state(stranger, asParent('Parent', 'Someone-Else'))).toEqual({ outcome: 'sent_if_matched' });
    expect([...(await codesOf(withoutResponsibility.id)), ...(await codesOf(stranger.id))]).toHaveLength(0);
    expect(await emailedCode(database.db, 'step@example.com')).toBeNull();
    expect((await statementsBy(withoutResponsibility.id))[0]).toMatchObject({ outcome: 'no_parental_responsibility', childIds: [child.childId] });
    // The parent who does hold it may link a 12-year-old's record (seeing it waits for the young person's agreement).
    const parent = await newCitizen(database.db);
    await state(parent, asParent('Parent', carer.familyName));
    expect(await codesOf(parent.id)).toHaveLength(1);
  });
});
