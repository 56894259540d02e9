// A failed query must not put what was typed into the log: whatever a page, action or job logs of it (Next.js logs
// the thrown error whole) carries the kind of failure and its SQLSTATE, never the statement's values.
import { inspect } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/kernel/errors';
import { DatabaseError } from './database-error';
import { children, citizenAccounts } from './schema';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';

const TYPED = 'Zzyzxlogtest';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** What `console.error(error)` writes, as Next.js logs a thrown error, and everything else the error holds. */
async function logged(work: Promise<unknown>): Promise<{ error: unknown; log: string }> {
  const lines: string[] = [];
  const capture = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: null }))).join(' '));
  });
  try {
    const error = await work.then(
      () => {
        throw new Error('expected the query to fail');
      },
      (failure: unknown) => failure,
    );
    console.error(error);
    // Hidden properties too (postgres.js keeps the query and its parameters on non-enumerable ones).
    lines.push(inspect(error, { depth: null, showHidden: true }));
    return { error, log: lines.join('\n') };
  } finally {
    capture.mockRestore();
  }
}

function expectNothingTyped({ error, log }: { error: unknown; log: string }, code: string) {
  expect(error).toBeInstanceOf(DatabaseError);
  expect((error as DatabaseError).code).toBe(code);
  expect(log).toContain(code);
  expect(log.toLowerCase()).not.toContain(TYPED.toLowerCase());
}

describe('a failed query, as it can be logged', () => {
  it('keeps a drizzle query’s parameters and PostgreSQL’s quoting of them out of the error', async () => {
    // PostgreSQL's message quotes the value: invalid input syntax for type date: "Zzyzxlogtest".
    const failure = await logged(database.db.select().from(children).where(eq(children.dateOfBirth, TYPED)));
    expectNothingTyped(failure, '22007');
    expect(failure.log).not.toMatch(/Failed query|params:|select /i);
  });

  it('keeps the key PostgreSQL quotes in a unique violation’s detail out too, and names the constraint', async () => {
    const email = `${TYPED}@example.com`;
    await database.db.insert(citizenAccounts).values({ email });
    const failure = await logged(database.db.insert(citizenAccounts).values({ email: email.toUpperCase() }));
    expectNothingTyped(failure, '23505');
    expect((failure.error as DatabaseError).constraint_name).toBe('citizen_accounts_email_key');
  });

  it('does the same inside a transaction, and for a statement sent straight to postgres.js', async () => {
    expectNothingTyped(
      await logged(database.db.transaction((tx) => tx.execute(sql`select ${TYPED}::date`))),
      '22007',
    );
    expectNothingTyped(await logged(database.db.$client.unsafe('select $1::date', [TYPED])), '22007');
    expectNothingTyped(
      await logged(database.db.$client.begin((tx) => tx.unsafe('select $1::date', [TYPED]))),
      '22007',
    );
  });

  // The embedded database has one backend, which pg_terminate_backend cannot cut while it runs the query.
  it.skipIf(!process.env.DATABASE_URL)('keeps a lost connection’s code and its query’s values out, still telling it apart (PostgreSQL only: pg_terminate_backend)', async () => {
    // drizzle sends a query only once it is awaited.
    const slow = Promise.resolve().then(() => database.db.execute(sql`select pg_sleep(30), ${TYPED}::text as typed`));
    // Handled from the start: the query can fail while the loop below is still polling.
    const failing = logged(slow);
    const killer = database.sql;
    for (let i = 0; i < 100; i++) {
      const [running] = await killer<{ pid: number }[]>`
        select pid from pg_stat_activity where datname = current_database() and query like 'select pg_sleep(30)%'`;
      if (running) {
        await killer`select pg_terminate_backend(${running.pid})`;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failure = await failing;
    expect(failure.error).toBeInstanceOf(DatabaseError);
    expect(['57P01', 'CONNECTION_CLOSED', 'ECONNRESET']).toContain((failure.error as DatabaseError).code);
    expect(failure.log.toLowerCase()).not.toContain(TYPED.toLowerCase());
  });

  it('lets the app’s own errors through a transaction as they were thrown', async () => {
    const own = new AppError('conflict', `Someone else changed ${TYPED}`);
    await expect(database.db.transaction(() => Promise.reject(own))).rejects.toBe(own);
  });
});

describe('the schema’s own refusals, whose message is kept', () => {
  it('interpolate nothing but ids, operations and table names in any RAISE EXCEPTION of the migrations', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const folder = new URL('./migrations/', import.meta.url);
    const allowed = new Set(['chosen', 'lower(TG_OP)', 'OLD.id', 'TG_TABLE_NAME']);
    const interpolated: string[] = [];
    for (const file of (await readdir(folder)).filter((name) => name.endsWith('.sql'))) {
      const text = await readFile(new URL(file, folder), 'utf8');
      for (const [, args] of text.matchAll(/RAISE\s+EXCEPTION\s+'(?:[^']|'')*'\s*((?:,[^;\n]*)?)/gi)) {
        interpolated.push(...args!.split(',').map((arg) => arg.trim()).filter(Boolean));
      }
    }
    expect(interpolated.length).toBeGreaterThan(0);
    expect(interpolated.filter((arg) => !allowed.has(arg))).toEqual([]);
  });

  it('are told apart by their words', async () => {
    const failure = await logged(database.db.execute(sql`truncate audit_chain_heads`));
    expect(failure.log).toMatch(/P0001: the audit trail cannot be truncated/);
  });
});
