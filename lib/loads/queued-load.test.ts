import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_QUEUES } from '@/db/job-queue';
import { children, sourceLoads } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { enqueueJob } from '@/lib/kernel/enqueue-job';
import { startWorker, type Worker } from '@/lib/jobs/start-worker';
import { fromText, loadCsv, makeSource } from '@/testing/load-fixtures';
import { finishLoad } from './finish-load';
import { LOAD_LOCK_CLASS } from './load-lock-key';
import { matchLoad } from './match-load';
import { queueUnfinishedLoads } from './queue-unfinished-loads';
import { receiveUpload } from './receive-upload';
import { stageLoad } from './stage-load';
import { viewLoad } from './view-load';

// Another process can hold a load only on a PostgreSQL server: the embedded database has one process and one connection.
const onPostgres = Boolean(process.env.DATABASE_URL);
let database: TestDatabase;
let worker: Worker | undefined;

type Source = Awaited<ReturnType<typeof makeSource>>;
let n = 0;
const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 're', 'tho', 'vin', 'dra', 'sel', 'pum', 'gor', 'wex', 'bly', 'nak', 'fro', 'quil'];
/** A child no one holds, unlike any other row's: its own family name, birthday and postcode district. */
function row(source: Source, overrides: Record<string, string> = {}) {
  n += 1;
  const family = Array.from({ length: 4 }, (_, i) => SYLLABLES[(n * 7 + i * 5 + Math.floor(Math.random() * 16)) % 16]).join('');
  return {
    source_system: source.code,
    source_person_id: `Q${n}`,
    given_names: ['Ottoline', 'Peregrine', 'Wilhelmina', 'Barnaby'][n % 4]!,
    family_name: family.charAt(0).toUpperCase() + family.slice(1),
    gender: 'F',
    date_of_birth: `${2008 + (n % 14)}-0${1 + (n % 9)}-1${n % 9}`,
    address_line1: `${n} Queue Row`,
    town: 'Testbury',
    postcode: `LS${1 + (n % 29)} 2QT`,
    ...overrides,
  };
}

const asClient = (source: Source) => ({ submittedBy: { kind: 'api_client' as const, id: null }, organisationId: source.organisationId });
const upload = (source: Source, csv: string, sender: Source = source, fileName = `q-${++n}.csv`) =>
  receiveUpload({ db: database.db, sourceCode: source.code, fileName, body: fromText(csv)(), declaredBytes: null, ceilingBytes: 2 ** 20, asOf: '2026-11-30', ...asClient(sender) });
const send = (source: Source, csv: string, fileName?: string) => upload(source, csv, source, fileName);
const statusOf = async (loadId: string) => (await database.db.select({ status: sourceLoads.status }).from(sourceLoads).where(eq(sourceLoads.id, loadId)))[0]?.status;
const jobsOf = (loadId: string) =>
  database.sql<{ state: string }[]>`select state from pgboss.job where name = ${JOB_QUEUES.finishLoad.name} and singleton_key = ${loadId} order by created_on`;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 60): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A load staged and matched as if its server had been killed before applying it: nobody working it. */
let leftMatched: { loadId: string; familyName: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase({ connection: database, children: 20, seed: 73, asOf: '2026-11-25', reset: false, demoAccounts: true });
  const source = await makeSource(database.db);
  const r = row(source);
  const { loadId } = await stageLoad({ db: database.db, source, fileName: 'killed.csv', open: fromText(loadCsv([r])), asOf: '2026-11-30', submittedBy: { kind: 'api_client', id: null } });
  await matchLoad({ db: database.db, loadId });
  // Its job was being worked when the server died: pg-boss still has it active (until it expires, hours later).
  await enqueueJob({ db: database.db, queue: JOB_QUEUES.finishLoad.name, data: { loadId }, singletonKey: loadId });
  await database.sql`update pgboss.job set state = 'active', started_on = now() where name = ${JOB_QUEUES.finishLoad.name} and singleton_key = ${loadId}`;
  leftMatched = { loadId, familyName: r.family_name };
  worker = await startWorker({ db: database.db, send: async () => {}, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker?.stop();
  await database?.drop();
});

describe('a load sent through the API, finished by the job worker', () => {
  it('finishes, at the worker’s start, a load a killed server left matched, its job still marked active', async () => {
    expect(await eventually(() => statusOf(leftMatched.loadId), (s) => s === 'done')).toBe('done');
    expect(await database.db.select().from(children).where(eq(children.familyName, leftMatched.familyName))).toHaveLength(1);
  });

  it('answers at once with the file received; the worker then checks, stages, matches and applies it', async () => {
    const source = await makeSource(database.db);
    const csv = loadCsv([row(source), row(source, { date_of_birth: '2015-02-30' })]);
    const received = await send(source, csv);
    expect(received.alreadyReceived).toBe(false);
    expect(await eventually(() => statusOf(received.loadId), (s) => s === 'done')).toBe('done');
    const done = await viewLoad({ db: database.db, viewer: { organisationId: source.organisationId, national: false }, loadId: received.loadId });
    expect(done).toMatchObject({ status: 'done', beingWorked: false, counts: expect.objectContaining({ rows: 2, rejected: 1, created: 1, applied: 1 }) });
    expect(done.rejects).toEqual([expect.objectContaining({ rowNumber: 3, field: 'date_of_birth' })]);
    expect((await eventually(() => jobsOf(received.loadId), (jobs) => jobs.every((j) => j.state === 'completed'))).map((j) => j.state)).toEqual(['completed']);

    // The same file again: the same load, done, and no job for it.
    expect(await send(source, csv, 'again.csv')).toEqual({ loadId: received.loadId, alreadyReceived: true });
    expect((await jobsOf(received.loadId)).map((j) => j.state)).toEqual(['completed']);
  });

  it('shows a load only to its own organisation: another organisation’s client finds no such load', async () => {
    const source = await makeSource(database.db);
    const other = await makeSource(database.db);
    const { loadId } = await send(source, loadCsv([row(source)]));
    await expect(viewLoad({ db: database.db, viewer: { organisationId: other.organisationId, national: false }, loadId })).rejects.toMatchObject({ code: 'not_found' });
    expect(await viewLoad({ db: database.db, viewer: { organisationId: source.organisationId, national: false }, loadId })).toMatchObject({ id: loadId });
    await eventually(() => statusOf(loadId), (s) => s === 'done');
  });

  it('refuses a load for another organisation’s source system, with nothing staged', async () => {
    const source = await makeSource(database.db);
    const other = await makeSource(database.db);
    const error = await upload(source, loadCsv([row(source)]), other).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(await database.db.select().from(sourceLoads).where(eq(sourceLoads.sourceSystemId, source.id))).toEqual([]);
  });

  // The embedded database has one connection: a second session cannot hold the load's lock while the worker looks.
  it.skipIf(!onPostgres)('leaves a load another process is working alone: the sweep does not queue it, its job does nothing, the page says it is being worked (PostgreSQL only: a second session holds the lock)', async () => {
    const source = await makeSource(database.db);
    const { loadId } = await stageLoad({ db: database.db, source, fileName: 'held.csv', open: fromText(loadCsv([row(source)])), asOf: '2026-11-30', submittedBy: { kind: 'api_client', id: null } });
    const holder = await database.sql.reserve();
    try {
      await holder`select pg_advisory_lock(${LOAD_LOCK_CLASS}::int, hashtext(${loadId}::text) & 2147483647)`;
      expect(await queueUnfinishedLoads({ db: database.db })).not.toContain(loadId);
      expect(await viewLoad({ db: database.db, viewer: { organisationId: source.organisationId, national: false }, loadId })).toMatchObject({ status: 'staged', beingWorked: true });
      // A job for it finds it busy and completes without touching it.
      await worker!.boss.send(JOB_QUEUES.finishLoad.name, { loadId }, { singletonKey: loadId });
      await eventually(() => jobsOf(loadId), (jobs) => jobs.length > 0 && jobs.every((j) => j.state === 'completed'));
      expect(await statusOf(loadId)).toBe('staged');
    } finally {
      await holder`select pg_advisory_unlock_all()`;
      holder.release();
    }
    // Let go (as when the process holding it dies), the sweep queues it and the worker finishes it.
    expect(await queueUnfinishedLoads({ db: database.db })).toContain(loadId);
    expect(await eventually(() => statusOf(loadId), (s) => s === 'done')).toBe('done');
  });

  it('queues a load sent again that is not done, one waiting job at most', async () => {
    await worker!.stop();
    worker = undefined;
    const source = await makeSource(database.db);
    const csv = loadCsv([row(source)]);
    const first = await stageLoad({ db: database.db, source, fileName: 'first.csv', open: fromText(csv), asOf: '2026-11-30', submittedBy: { kind: 'api_client', id: null } });
    expect(await send(source, csv)).toEqual({ loadId: first.loadId, alreadyReceived: true });
    expect(await send(source, csv)).toEqual({ loadId: first.loadId, alreadyReceived: true });
    expect((await jobsOf(first.loadId)).map((j) => j.state)).toEqual(['created']);
    // Nothing is working it and a job waits: the sweep leaves it to that job.
    expect(await queueUnfinishedLoads({ db: database.db })).not.toContain(first.loadId);
    worker = await startWorker({ db: database.db, send: async () => {}, pollingIntervalSeconds: 0.5 });
    expect(await eventually(() => statusOf(first.loadId), (s) => s === 'done')).toBe('done');
  });

  it('ends the job of a load deleted after it was queued, quietly and once, rather than failing it again and again', async () => {
    await worker!.stop();
    worker = undefined;
    const source = await makeSource(database.db);
    const { loadId } = await stageLoad({ db: database.db, source, fileName: 'deleted.csv', open: fromText(loadCsv([row(source)])), asOf: '2026-11-30', submittedBy: { kind: 'api_client', id: null } });
    await enqueueJob({ db: database.db, queue: JOB_QUEUES.finishLoad.name, data: { loadId }, singletonKey: loadId });
    await database.db.delete(sourceLoads).where(eq(sourceLoads.id, loadId));
    expect(await finishLoad({ db: database.db, loadId })).toEqual({ busy: false, gone: true });
    worker = await startWorker({ db: database.db, send: async () => {}, pollingIntervalSeconds: 0.5 });
    const jobs = await eventually(() => database.sql<{ state: string; retry_count: number }[]>`select state, retry_count from pgboss.job where name = ${JOB_QUEUES.finishLoad.name} and singleton_key = ${loadId}`, (j) => j.every((x) => x.state !== 'created' && x.state !== 'active'));
    expect(jobs).toEqual([{ state: 'completed', retry_count: 0 }]);
  });

  it('tries a failed load again, with a delay, until it goes through', async () => {
    // Short delays for the test; the real policy doubles from a minute.
    await worker!.boss.updateQueue(JOB_QUEUES.finishLoad.name, { ...JOB_QUEUES.finishLoad, retryDelay: 1, retryBackoff: false });
    const source = await makeSource(database.db);
    // The database refuses this source's loads the move to "matched" until the trigger is dropped (a fault, say).
    await database.sql.unsafe(`
      create function refuse_matched() returns trigger language plpgsql as $$
      begin if new.status = 'matched' then raise exception 'refused for the test'; end if; return new; end $$;
      create trigger refuse_matched before update on source_loads for each row
        when (new.source_system_id = '${source.id}') execute function refuse_matched()`);
    const { loadId } = await send(source, loadCsv([row(source)]));
    const failing = await eventually(
      () => database.sql<{ retry_count: number }[]>`select retry_count from pgboss.job where name = ${JOB_QUEUES.finishLoad.name} and singleton_key = ${loadId}`,
      (jobs) => (jobs[0]?.retry_count ?? 0) >= 2,
    );
    expect(failing[0]!.retry_count).toBeGreaterThanOrEqual(2);
    expect(await statusOf(loadId)).toBe('staged');
    await database.sql.unsafe('drop trigger refuse_matched on source_loads; drop function refuse_matched()');
    expect(await eventually(() => statusOf(loadId), (s) => s === 'done')).toBe('done');
    expect((await eventually(() => jobsOf(loadId), (jobs) => jobs.every((j) => j.state === 'completed'))).map((j) => j.state)).toEqual(['completed']);
  });
});
