import { eq, ne } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Transaction } from '@/db';
import { children, citizenAccounts, citizenRecordLinks, correctionMessages, correctionRequests, localAuthorities, shields } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createChildFixture, type ChildFixture } from '@/testing/child-factory';
import { inRolledBackTransaction } from '@/testing/rolled-back';
import { createStaffFixture } from '@/testing/staff-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { loadCorrectableRecord } from '@/lib/corrections/load-correctable-record';
import { raiseCorrection } from '@/lib/corrections/raise-correction';
import { AppError } from '@/lib/kernel/errors';
import { FUZZ_RUNS, hostileFormFields, isPlainEnglishMessage } from '@/testing/hostile-input';
import { COMMAND_NAMES, parseCaseworkForm } from '@/lib/validation/casework-command';
import { actOnRequest, type CaseworkCommand } from './act-on-request';
import type { Caseworker } from '@/lib/kernel/actors';

// What the caseworker's forms on a correction request do on the server (casework.action.ts): the posted fields through
// parseCaseworkForm, then actOnRequest against PostgreSQL. Whatever is posted: field errors, a refusal the page shows,
// or the request moved on with exactly what was typed kept — never an exception.
let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');
let child: ChildFixture;
let caseworker: Caseworker;
let requestId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 31, asOf: '2026-11-25', reset: false, demoAccounts: true });
  child = await createChildFixture(database.db, { dateOfBirth: '2011-03-04' });
  caseworker = await createStaffFixture(database.db, child.localAuthorityCode);
  const [citizen] = await database.db.insert(citizenAccounts).values({ email: 'hostile-casework@example.com' }).returning();
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen!.id, childId: child.childId, relationship: 'self', verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  const correctable = await loadCorrectableRecord({ db: database.db, citizenId: citizen!.id, linkId: link!.id, now: NOW });
  const name = correctable!.items.find((i) => i.kind === 'child' && i.field === 'name')!;
  ({ requestId } = await raiseCorrection({ db: database.db, citizen: citizen!, linkId: link!.id, request: { item: name.key, requestedValue: 'Amara Okafor', explanation: undefined }, now: NOW }));
});
afterAll(async () => {
  await database?.drop();
});

// actOnRequest opens its own transaction; inside the test's (rolled back after each run) it is a savepoint.
const asDatabase = (tx: Transaction) => tx as unknown as Database;

describe('hostile input to the casework forms on a correction request, down to the database', () => {
  it('any command with any fields gives field errors, a plain refusal, or the request moved on holding what was typed', async () => {
    const [{ version }] = (await database.db.select({ version: children.version }).from(children).where(eq(children.id, child.childId))) as [{ version: number }];
    const valid = { givenNames: 'Amara', familyName: 'Okafor', expectedVersion: String(version), question: 'Which school?', note: 'Check', reason: 'No evidence', closeReason: 'Withdrawn', toStaffId: caseworker.id };
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), hostileFormFields(valid), async (command, fields) => {
        const parsed = parseCaseworkForm(command, fields, { itemKind: 'child', field: 'name' });
        if (!parsed.success) return; // the schema's own property test checks these messages
        await inRolledBackTransaction(database.db, async (tx) => {
          const casework = { kind: command, ...parsed.data } as CaseworkCommand;
          let status: string;
          try {
            status = await actOnRequest({ db: asDatabase(tx), caseworker, requestId, command: casework, now: NOW });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            expect(isPlainEnglishMessage(error.userMessage), error.userMessage).toBe(true);
            outcomes.add('refused');
            return;
          }
          outcomes.add(status);
          const [request] = await tx.select().from(correctionRequests).where(eq(correctionRequests.id, requestId));
          const [record] = await tx.select().from(children).where(eq(children.id, child.childId));
          const messages = await tx.select().from(correctionMessages).where(eq(correctionMessages.requestId, requestId));
          if (casework.kind === 'apply') {
            const { givenNames, familyName } = casework.change.value as { givenNames: string; familyName: string };
            // Applied as asked, or held for a second caseworker exactly as edited.
            if (status === 'applied') expect(record).toMatchObject({ givenNames, familyName });
            else expect(request!.proposedChange).toEqual({ givenNames, familyName });
          }
          if (casework.kind === 'ask_for_information') expect(messages.map((m) => m.body)).toContain(casework.question);
          if (casework.kind === 'refuse' || casework.kind === 'close') expect(request!.decisionReason).toBe(casework.reason);
        });
      }),
      { numRuns: FUZZ_RUNS.database },
    );
    // The property reached the database and came back both ways, not only through the schema.
    expect(outcomes.size).toBeGreaterThan(1);
  });
});

describe('a request about a child shielded since it arrived, in every council’s queue', () => {
  it('is refused to a caseworker of a council not holding the shield, and changes nothing', async () => {
    await inRolledBackTransaction(database.db, async (tx) => {
      const db = asDatabase(tx);
      const [other] = await db.select({ code: localAuthorities.code }).from(localAuthorities).where(ne(localAuthorities.code, child.localAuthorityCode)).limit(1);
      await db.update(correctionRequests).set({ localAuthorityCode: null }).where(eq(correctionRequests.id, requestId));
      await db.insert(shields).values({ childId: child.childId, responsibleLocalAuthorityCode: child.localAuthorityCode, reason: 'At risk' });
      const outsider = await createStaffFixture(db, other!.code);
      await expect(actOnRequest({ db, caseworker: outsider, requestId, command: { kind: 'close', reason: 'Closing it' }, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
      const [still] = await db.select({ status: correctionRequests.status }).from(correctionRequests).where(eq(correctionRequests.id, requestId));
      expect(still!.status).toBe('received');
      expect(await actOnRequest({ db, caseworker, requestId, command: { kind: 'close', reason: 'Closing it' }, now: NOW })).toBe('closed');
    });
  });
});

