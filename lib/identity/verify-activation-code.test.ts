import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationCodes, auditEvents, carers, childCarers, citizenRecordLinks } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { findCitizenAccess } from '@/lib/citizen-access/find-citizen-access';
import { stateIdentity } from './state-identity';
import { emailedCode, newCitizen, postedCode, statementFor } from '@/testing/identity-fixtures';
import { verifyActivationCode } from './verify-activation-code';

let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');
const TEEN = '2012-04-05';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 50, seed: 29, asOf: '2026-11-25', reset: false, demoAccounts: true });
});
afterAll(async () => {
  await database?.drop();
});

// Names unlike each other, so that each statement matches its own child confidently.
const families = ['Quillfeather', 'Mabbottson', 'Zephyrinton', 'Ulverscombe', 'Gainsborough', 'Abercrombie', 'Kettleborough', 'Yarborough', 'Dunstanville'];

/** A young person who has stated who they are and been posted a code; the code read from the letter. */
async function codePosted(now = NOW, citizen?: { id: string }) {
  const family = families.shift()!;
  const child = await createChildFixture(database.db, { familyName: family, dateOfBirth: TEEN });
  const who = citizen ?? (await newCitizen(database.db));
  await stateIdentity({ db: database.db, citizen: who, statement: statementFor(child, family, TEEN), now, answerAfterMs: 0 });
  const code = await postedCode(database.db, who.id);
  expect(code).not.toBeNull();
  return { child, citizen: who, code: code! };
}

const verify = (citizen: { id: string }, typed: string, now: Date) => verifyActivationCode({ db: database.db, citizen, typed, now });
const wrongFor = (code: string) => (code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`);

describe('entering a posted code', () => {
  it('links the record once, at the "medium" level of a letter to the address held, audited in the same step', async () => {
    const { child, citizen, code } = await codePosted();
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;
    const result = await verify(citizen, typed, new Date('2026-12-20T10:00:00Z'));
    expect(result.outcome).toBe('linked');
    const [link] = await database.db.select().from(citizenRecordLinks).where(eq(citizenRecordLinks.citizenId, citizen.id));
    expect(link).toMatchObject({ childId: child.childId, relationship: 'self', carerId: null, verificationLevel: 'medium', verificationMethod: expect.stringContaining('posted') });
    expect(result).toEqual({ outcome: 'linked', linkId: link!.id });
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, citizen.id));
    expect(events.find((e) => e.action === 'citizen.identity.verified')).toMatchObject({ childIds: [child.childId], query: { linkId: link!.id, channel: 'post', verificationLevel: 'medium' } });
    expect((await findCitizenAccess({ db: database.db, citizenId: citizen.id, linkId: link!.id, now: NOW })).allowed).toBe(true);

    // Single use.
    expect(await verify(citizen, code, new Date('2026-12-20T10:01:00Z'))).toEqual({ outcome: 'no_code' });
  });

  it('allows three tries, saying how many are left; then the code is spent even if the fourth is right', async () => {
    const { citizen, code } = await codePosted();
    expect(await verify(citizen, wrongFor(code), NOW)).toEqual({ outcome: 'wrong', triesLeft: 2 });
    expect(await verify(citizen, wrongFor(code), NOW)).toEqual({ outcome: 'wrong', triesLeft: 1 });
    expect(await verify(citizen, wrongFor(code), NOW)).toEqual({ outcome: 'wrong', triesLeft: 0 });
    expect(await verify(citizen, code, NOW)).toEqual({ outcome: 'no_code' });
    expect(await database.db.select().from(citizenRecordLinks).where(eq(citizenRecordLinks.citizenId, citizen.id))).toHaveLength(0);
  });

  it('works until the end of the 28th day after the letter date, in England’s time', async () => {
    const winter = await codePosted(NOW);
    expect(await verify(winter.citizen, winter.code, new Date('2026-12-24T00:00:01Z'))).toEqual({ outcome: 'no_code' });
    const [waiting] = await database.db.select().from(activationCodes).where(eq(activationCodes.citizenId, winter.citizen.id));
    expect(waiting!.usedAt).toBeNull();
    expect((await verify(winter.citizen, winter.code, new Date('2026-12-23T23:59:00Z'))).outcome).toBe('linked');

    // In summer the day ends at 23:00 UTC.
    const summer = await codePosted(new Date('2026-06-01T10:00:00Z'));
    expect(await verify(summer.citizen, summer.code, new Date('2026-06-29T23:00:01Z'))).toEqual({ outcome: 'no_code' });
    expect((await verify(summer.citizen, summer.code, new Date('2026-06-29T22:59:00Z'))).outcome).toBe('linked');
  });

  it('accepts either of two letters waiting, and counts a wrong try against both', async () => {
    const first = await codePosted();
    const second = await codePosted(new Date(NOW.getTime() + 60_000), first.citizen);
    expect(first.code).not.toBe(second.code);
    expect(await verify(first.citizen, 'ZZZZZ ZZZZZ', NOW)).toEqual({ outcome: 'wrong', triesLeft: 2 });
    const codes = await database.db.select().from(activationCodes).where(eq(activationCodes.citizenId, first.citizen.id));
    expect(codes.map((c) => c.failedAttempts)).toEqual([1, 1]);
    // The older letter arrives first.
    expect((await verify(first.citizen, first.code, NOW)).outcome).toBe('linked');
    expect((await verify(first.citizen, second.code, NOW)).outcome).toBe('linked');
    const links = await database.db.select().from(citizenRecordLinks).where(eq(citizenRecordLinks.citizenId, first.citizen.id));
    expect(new Set(links.map((l) => l.childId))).toEqual(new Set([first.child.childId, second.child.childId]));
  });
});

describe('entering an emailed code', () => {
  async function codeEmailed(dateOfBirth: string) {
    const family = families.shift()!;
    const child = await createChildFixture(database.db, { familyName: family, dateOfBirth });
    const [held] = await database.db.select({ carer: carers }).from(childCarers).innerJoin(carers, eq(carers.id, childCarers.carerId)).where(eq(childCarers.childId, child.childId));
    const parent = await newCitizen(database.db);
    const statement = statementFor(child, family, dateOfBirth, { relationship: 'parent', parentGivenName: 'Parent', parentFamilyName: held!.carer.familyName });
    await stateIdentity({ db: database.db, citizen: parent, statement, now: NOW, answerAfterMs: 0 });
    return { child, parent, carer: held!.carer, code: (await emailedCode(database.db, held!.carer.email!))! };
  }

  it('links a parent at the "low" level of an email, within 15 minutes only', async () => {
    const late = await codeEmailed('2019-04-05');
    expect(await verify(late.parent, late.code, new Date(NOW.getTime() + 15 * 60_000 + 1000))).toEqual({ outcome: 'no_code' });

    const { child, parent, carer, code } = await codeEmailed('2019-04-05');
    const result = await verify(parent, code, new Date(NOW.getTime() + 14 * 60_000));
    expect(result.outcome).toBe('linked');
    const [link] = await database.db.select().from(citizenRecordLinks).where(eq(citizenRecordLinks.citizenId, parent.id));
    expect(link).toMatchObject({ childId: child.childId, relationship: 'parent', carerId: carer.id, verificationLevel: 'low', verificationMethod: expect.stringContaining('emailed') });
    expect((await findCitizenAccess({ db: database.db, citizenId: parent.id, linkId: link!.id, now: NOW })).allowed).toBe(true);
  });

  it('links the parent of a young person of 12 or over, who still needs the young person’s agreement to see it', async () => {
    const { parent, code } = await codeEmailed(TEEN);
    const result = await verify(parent, code, NOW);
    if (result.outcome !== 'linked') throw new Error(`not linked: ${result.outcome}`);
    expect(await findCitizenAccess({ db: database.db, citizenId: parent.id, linkId: result.linkId, now: NOW })).toMatchObject({ allowed: false, reason: 'needs_agreement' });
  });
});
