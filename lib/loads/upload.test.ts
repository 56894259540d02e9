import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_QUEUES } from '@/db/job-queue';
import { auditEvents, loadUploadChunks, loadUploads, sourceLoadRejects, sourceLoadRows, sourceLoads } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { startWorker, type Worker } from '@/lib/jobs/start-worker';
import { AppError } from '@/lib/kernel/errors';
import { fromText, loadCsv, makeSource, person, type Source } from '@/testing/load-fixtures';
import { receiveUpload, type ReceiveUploadOptions } from './receive-upload';
import { listLoads } from './list-loads';
import { stageLoad } from './stage-load';
import { viewLoad } from './view-load';

let database: TestDatabase;
let worker: Worker | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 74, asOf: '2026-11-25', reset: false, demoAccounts: false });
});

afterAll(async () => {
  await worker?.stop();
  await database?.drop();
});

const CEILING = 64 * 1024;

/** The file in pieces of `size` bytes, as a request body arrives. */
async function* inPieces(text: string, size = 1000): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const upload = (source: Source, body: AsyncIterable<Uint8Array>, more: Partial<ReceiveUploadOptions> = {}) =>
  receiveUpload({
    db: database.db,
    sourceCode: source.code,
    fileName: 'upload.csv',
    asOf: '2026-11-30',
    submittedBy: { kind: 'api_client', id: null },
    organisationId: source.organisationId,
    body,
    declaredBytes: null,
    ceilingBytes: CEILING,
    chunkBytes: 4096,
    ...more,
  });

const uploadsOf = (source: Source) => database.db.select().from(loadUploads).where(eq(loadUploads.sourceSystemId, source.id));
const chunksOf = async (source: Source) =>
  (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${loadUploadChunks} c join ${loadUploads} u on u.id = c.upload_id where u.source_system_id = ${source.id}`))[0]!.n;
const viewer = (source: Source) => ({ organisationId: source.organisationId, national: false });
const caught = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 60): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a load file uploaded (the API and the staff upload page)', () => {
  it('refuses a file over the ceiling, declared or found while it arrives, with a clear 413, and keeps nothing', async () => {
    const source = await makeSource(database.db);
    const declared = await caught(upload(source, inPieces('anything'), { declaredBytes: CEILING + 1 }));
    expect(declared).toBeInstanceOf(AppError);
    expect(declared).toMatchObject({ status: 413, userMessage: expect.stringMatching(/larger than the 64 KiB an upload may be.*Nothing was kept/) });

    // Declared as nothing (chunked): counted as it arrives, stopped at the ceiling.
    const body = loadCsv(Array.from({ length: 600 }, () => person(source)));
    expect(Buffer.byteLength(body)).toBeGreaterThan(CEILING);
    const streamed = await caught(upload(source, inPieces(body)));
    expect(streamed).toMatchObject({ status: 413 });

    expect(await uploadsOf(source)).toEqual([]);
    expect(await chunksOf(source)).toBe(0);
    expect(await database.db.select().from(sourceLoads).where(eq(sourceLoads.sourceSystemId, source.id))).toEqual([]);
    const refusals = await database.db.select({ outcome: auditEvents.outcome }).from(auditEvents).where(sql`${auditEvents.action} = 'load.upload' and ${auditEvents.query} ->> 'sourceCode' = ${source.code}`);
    expect(refusals.map((r) => r.outcome)).toEqual(['refused_too_large', 'refused_too_large']);
  });

  it('answers before the file is checked: its bytes are stored, nothing is staged, and the check waits in the job queue', async () => {
    const source = await makeSource(database.db);
    const { loadId, alreadyReceived } = await upload(source, inPieces(loadCsv([person(source), person(source)])));
    expect(alreadyReceived).toBe(false);
    expect(await viewLoad({ db: database.db, viewer: viewer(source), loadId })).toMatchObject({ id: loadId, status: 'checking', counts: expect.objectContaining({ rows: 0 }) });
    expect(await database.db.select().from(sourceLoads).where(eq(sourceLoads.id, loadId))).toEqual([]);
    expect(await listLoads({ db: database.db, viewer: viewer(source) })).toEqual([expect.objectContaining({ id: loadId, status: 'checking', fileName: 'upload.csv' })]);
    expect(await chunksOf(source)).toBeGreaterThan(0);
    const jobs = await database.sql<{ state: string }[]>`select state from pgboss.job where name = ${JOB_QUEUES.checkUpload.name} and singleton_key = ${loadId}`;
    expect(jobs.map((j) => j.state)).toEqual(['created']);
  });

  it('refuses a second upload from the same source system while the first is still arriving, and takes one once it is in', async () => {
    const source = await makeSource(database.db);
    const other = await makeSource(database.db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* slowBody() {
      yield Buffer.from(loadCsv([person(source)]));
      await held;
    }
    const first = upload(source, slowBody());
    await eventually(() => uploadsOf(source), (u) => u.length === 1);

    const second = await caught(upload(source, inPieces(loadCsv([person(source)]))));
    expect(second).toMatchObject({ status: 409, userMessage: expect.stringMatching(/still being received or checked/) });
    // Another source system is not held up.
    expect(await upload(other, inPieces(loadCsv([person(other)])))).toMatchObject({ alreadyReceived: false });

    release();
    const { loadId } = await first;
    expect((await uploadsOf(source)).map((u) => [u.id, u.status])).toEqual([[loadId, 'checking']]);
    // Still being checked: the next file waits its turn.
    expect(await caught(upload(source, inPieces(loadCsv([person(source)]))))).toMatchObject({ status: 409 });
  });

  it('is checked by the job worker with the result a file staged directly gets, then matched and applied', async () => {
    worker = await startWorker({ db: database.db, send: async () => {}, pollingIntervalSeconds: 0.5 });
    const viaUpload = await makeSource(database.db);
    const direct = await makeSource(database.db);
    // Names with letters of two and three bytes, split across the stored pieces; one row rejected.
    const rows = Array.from({ length: 60 }, (_, i) => person(viaUpload, { given_names: i % 2 ? 'Zoë Ánh' : 'Ngọc Łucja' }));
    rows[7] = { ...rows[7]!, date_of_birth: '2015-02-30' };
    const csvFor = (source: Source) => loadCsv(rows.map((r) => ({ ...r, source_system: source.code })));

    const { loadId } = await upload(viaUpload, inPieces(csvFor(viaUpload), 333), { chunkBytes: 1000 });
    const staged = await stageLoad({ db: database.db, source: direct, fileName: 'direct.csv', open: fromText(csvFor(direct)), asOf: '2026-11-30', submittedBy: { kind: 'system', id: null } });

    const status = async () => (await database.db.select({ status: sourceLoads.status }).from(sourceLoads).where(eq(sourceLoads.id, loadId)))[0]?.status;
    expect(await eventually(status, (s) => s === 'done')).toBe('done');
    const stagedRows = (id: string) =>
      database.db
        .select({ rowNumber: sourceLoadRows.rowNumber, personId: sourceLoadRows.sourcePersonId, givenNames: sourceLoadRows.givenNames, familyName: sourceLoadRows.familyName, dateOfBirth: sourceLoadRows.dateOfBirth, postcode: sourceLoadRows.postcode, carers: sourceLoadRows.carers })
        .from(sourceLoadRows)
        .where(eq(sourceLoadRows.loadId, id))
        .orderBy(sourceLoadRows.rowNumber);
    const rejects = (id: string) => database.db.select({ rowNumber: sourceLoadRejects.rowNumber, field: sourceLoadRejects.field, reason: sourceLoadRejects.reason }).from(sourceLoadRejects).where(eq(sourceLoadRejects.loadId, id));
    expect(await stagedRows(loadId)).toEqual(await stagedRows(staged.loadId));
    expect(await stagedRows(loadId)).toHaveLength(59);
    expect(await rejects(loadId)).toEqual(await rejects(staged.loadId));
    expect(await viewLoad({ db: database.db, viewer: viewer(viaUpload), loadId })).toMatchObject({ status: 'done', counts: expect.objectContaining({ rows: 60, rejected: 1, applied: 59 }) });
    expect((await uploadsOf(viaUpload)).map((u) => u.status)).toEqual(['staged']);
    expect(await chunksOf(viaUpload)).toBe(0);

    // The same file again is that load, as before.
    expect(await upload(viaUpload, inPieces(csvFor(viaUpload)))).toEqual({ loadId, alreadyReceived: true });
  });

  it('refuses a malformed file in the check, with the reason at the load’s address, nothing staged, and the source free to send again', async () => {
    const source = await makeSource(database.db);
    const { loadId } = await upload(source, inPieces(loadCsv([person(source)]).replace('given_names', 'first_name')));
    const refused = await eventually(() => viewLoad({ db: database.db, viewer: viewer(source), loadId }), (v) => v.status !== 'checking');
    expect(refused).toMatchObject({ status: 'refused', refusal: expect.stringMatching(/header row is not the load format.*Nothing was loaded/) });
    expect(await database.db.select().from(sourceLoads).where(inArray(sourceLoads.sourceSystemId, [source.id]))).toEqual([]);
    expect(await chunksOf(source)).toBe(0);
    expect(await upload(source, inPieces(loadCsv([person(source)])))).toMatchObject({ alreadyReceived: false });
  });
});
