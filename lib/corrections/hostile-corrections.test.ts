import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Transaction } from '@/db';
import { citizenAccounts, citizenRecordLinks, correctionMessages, correctionRequests } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { inRolledBackTransaction } from '@/testing/rolled-back';
import { createChildFixture } from '@/testing/child-factory';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { AppError } from '@/lib/kernel/errors';
import { isRecordId } from '@/lib/records/record-path';
import { FUZZ_RUNS, hostileFormFields, hostileString, isPlainEnglishMessage } from '@/testing/hostile-input';
import { ZCorrectionReply, ZCorrectionRequest } from '@/lib/validation/correction-request';
import { loadCorrectableRecord } from './load-correctable-record';
import { raiseCorrection } from './raise-correction';
import { replyToCorrection } from './reply-to-correction';

// What the citizen's correction forms do on the server (raise-correction.action.ts, reply.action.ts): the form's
// fields through the schema, then the domain function against PostgreSQL. Whatever is posted, the answer is a field
// error, a refusal the form shows, or a stored request holding exactly what was typed — never an exception.
let database: TestDatabase;
const NOW = new Date('2026-11-25T10:00:00Z');
let citizen: { id: string; email: string };
let linkId: string;
let itemKeys: string[];
let awaitingReplyId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 29, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const child = await createChildFixture(database.db, { dateOfBirth: '2011-01-31' });
  const [account] = await database.db.insert(citizenAccounts).values({ email: 'hostile@example.com' }).returning();
  citizen = account!;
  const [link] = await database.db
    .insert(citizenRecordLinks)
    .values({ citizenId: citizen.id, childId: child.childId, relationship: 'self', verificationLevel: 'medium', verificationMethod: 'test' })
    .returning();
  linkId = link!.id;
  itemKeys = (await loadCorrectableRecord({ db: database.db, citizenId: citizen.id, linkId, now: NOW }))!.items.map((i) => i.key);
  const raised = await raiseCorrection({ db: database.db, citizen, linkId, request: { item: itemKeys[0]!, requestedValue: 'Fixture Childe', explanation: undefined }, now: NOW });
  await database.db.update(correctionRequests).set({ status: 'awaiting_information', pausedAt: NOW }).where(eq(correctionRequests.id, raised.requestId));
  awaitingReplyId = raised.requestId;
});
afterAll(async () => {
  await database?.drop();
});

// The domain functions open their own transaction; inside the test's (rolled back after each run) it is a savepoint.
const asDatabase = (tx: Transaction) => tx as unknown as Database;

/** Runs the domain call; an AppError is an answer the form shows, anything else fails the property. */
async function answerOf<T>(run: () => Promise<T>): Promise<{ done: T } | { refused: AppError }> {
  try {
    return { done: await run() };
  } catch (error) {
    if (error instanceof AppError) return { refused: error };
    throw error;
  }
}

describe('hostile input to the citizen’s correction forms, down to the database', () => {
  it('raising a correction: any form gives field errors, a plain refusal, or a request holding what was typed', async () => {
    const form = fc.record({
      fields: hostileFormFields({ item: itemKeys[0]!, requestedValue: 'Amara Okafor', explanation: 'Spelt wrong at school' }),
      // Often one of the record's own items, so that the request is stored and read back.
      item: fc.option(fc.constantFrom(...itemKeys), { freq: 2 }),
    });
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(form, async ({ fields, item }) => {
        const parsed = ZCorrectionRequest.safeParse(item === null ? fields : { ...fields, item });
        if (!parsed.success) return; // the schema's own property test checks these messages
        await inRolledBackTransaction(database.db, async (tx) => {
          const answer = await answerOf(() => raiseCorrection({ db: asDatabase(tx), citizen, linkId, request: parsed.data, now: NOW }));
          if ('refused' in answer) {
            expect(isPlainEnglishMessage(answer.refused.userMessage), answer.refused.userMessage).toBe(true);
            return;
          }
          stored += 1;
          const [row] = await tx.select().from(correctionRequests).where(eq(correctionRequests.id, answer.done.requestId));
          expect(row).toMatchObject({ requestedValue: parsed.data.requestedValue, explanation: parsed.data.explanation ?? null });
        });
      }),
      { numRuns: FUZZ_RUNS.database },
    );
    // The property reached the database, not only the schema.
    expect(stored).toBeGreaterThan(0);
  });

  it('replying to the index team: any reply is refused with a message or stored exactly', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(hostileFormFields({ message: 'The certificate number is 123' }), async (fields) => {
        const parsed = ZCorrectionReply.safeParse(fields);
        if (!parsed.success) return;
        await inRolledBackTransaction(database.db, async (tx) => {
          await replyToCorrection({ db: asDatabase(tx), citizen, requestId: awaitingReplyId, reply: parsed.data, now: NOW });
          stored += 1;
          const messages = await tx.select().from(correctionMessages).where(eq(correctionMessages.requestId, awaitingReplyId));
          expect(messages.map((m) => m.body)).toEqual([parsed.data.message]);
        });
      }),
      { numRuns: FUZZ_RUNS.database },
    );
    expect(stored).toBeGreaterThan(0);
  });

  it('the record in the address: any link id the action lets through finds the record or nothing, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString(), fc.uuid(), fc.constant(linkId), fc.constant(linkId.toUpperCase())), async (candidate) => {
        if (!isRecordId(candidate)) return; // the action redirects to the list of records
        const found = await loadCorrectableRecord({ db: database.db, citizenId: citizen.id, linkId: candidate, now: NOW });
        expect(found === null || found.items.length > 0).toBe(true);
      }),
      { numRuns: FUZZ_RUNS.database },
    );
  });
});
