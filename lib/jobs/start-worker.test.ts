import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_QUEUES } from '@/db/job-queue';
import { emailOutbox } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/testing/test-database';
import { queueEmail } from '@/lib/email/queue-email';
import { emailTransport } from '@/lib/email/transport';
import { startSmtpListener, type SmtpListener } from '@/testing/smtp-listener';
import { startWorker, type Worker } from './start-worker';

let database: TestDatabase;
let smtp: SmtpListener;
let worker: Worker | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpListener();
});

afterAll(async () => {
  await worker?.stop();
  await smtp.close();
  await database.drop();
});

const email = (to: string) => ({ to, subject: `For ${to}`, text: 'Only what the recipient already knows.' });

async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, seconds = 45): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const arrivedFor = (to: string) => smtp.received.filter((m) => m.to.includes(to));

describe('the job worker delivering email', () => {
  it('delivers a message committed before any worker ran, and never one whose transaction rolled back', async () => {
    await database.db
      .transaction(async (tx) => {
        await queueEmail({ db: tx, email: email('rolled.back@example.org') });
        throw new Error('the change fails after the email was queued');
      })
      .catch(() => {});
    await database.db.transaction((tx) => queueEmail({ db: tx, email: email('committed@example.org') }));

    worker = await startWorker({ db: database.db, send: emailTransport(smtp.url), pollingIntervalSeconds: 0.5 });

    expect((await eventually(() => arrivedFor('committed@example.org'), (m) => m.length > 0)).length).toBe(1);
    // Marked sent when the delivery commits, a moment after the server accepted the message.
    const row = await eventually(
      async () => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'committed@example.org')))[0],
      (found) => Boolean(found?.sentAt),
    );
    expect(row?.sentAt).not.toBeNull();
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'rolled.back@example.org'))).toEqual([]);
    expect(arrivedFor('rolled.back@example.org')).toEqual([]);
  });

  it('loses nothing while the mail server refuses: the job is retried until the message is accepted, once', async () => {
    // Short delays for the test; the real policy doubles from 15 seconds.
    await worker!.boss.updateQueue(JOB_QUEUES.deliverEmail.name, { ...JOB_QUEUES.deliverEmail, retryDelay: 1, retryBackoff: false });
    smtp.setRejectAll(true);
    await queueEmail({ db: database.db, email: email('while.down@example.org') });

    const failing = await eventually(
      async () => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'while.down@example.org')))[0],
      (row) => (row?.attempts ?? 0) >= 2,
    );
    expect(failing?.sentAt).toBeNull();
    expect(failing?.lastError).toMatch(/Mailbox unavailable/);

    smtp.setRejectAll(false);
    expect((await eventually(() => arrivedFor('while.down@example.org'), (m) => m.length > 0)).length).toBe(1);
    const jobs = await database.sql<{ state: string; retry_count: number }[]>`
      select state, retry_count from pgboss.job where name = ${JOB_QUEUES.deliverEmail.name} and data->>'outboxId' = ${failing!.id}`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.retry_count).toBeGreaterThanOrEqual(2);
    await eventually(async () => (await database.sql`select state from pgboss.job where data->>'outboxId' = ${failing!.id}`)[0]?.state, (s) => s === 'completed');
    expect(arrivedFor('while.down@example.org')).toHaveLength(1);
  });

  it('keeps a message queued while no mail server answers at all, and delivers it once one is back', async () => {
    // The retry policy of the test above (every second) still holds. The listener stops: connections are refused.
    const port = Number(new URL(smtp.url).port);
    await smtp.close();
    await queueEmail({ db: database.db, email: email('server.gone@example.org') });

    const waiting = await eventually(
      async () => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'server.gone@example.org')))[0],
      (row) => (row?.attempts ?? 0) >= 2,
    );
    expect(waiting?.attempts).toBeGreaterThanOrEqual(2);
    expect(waiting?.sentAt).toBeNull();
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|connect/i);

    // The same server comes back where the worker was told to send.
    smtp = await startSmtpListener({ port });
    expect((await eventually(() => arrivedFor('server.gone@example.org'), (m) => m.length > 0)).length).toBe(1);
    // Marked sent when the delivery commits, a moment after the server accepted it.
    const sent = await eventually(
      async () => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'server.gone@example.org')))[0],
      (row) => Boolean(row?.sentAt),
    );
    expect(sent?.sentAt).not.toBeNull();
    await eventually(async () => (await database.sql`select state from pgboss.job where data->>'outboxId' = ${waiting!.id}`)[0]?.state, (s) => s === 'completed');
    expect(arrivedFor('server.gone@example.org')).toHaveLength(1);
  });
});
