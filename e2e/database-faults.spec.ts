// The running app's database connections are terminated (pg_terminate_backend) again and again while searches and
// pages are being served: each request fails cleanly or completes, and the app serves again by itself, without a
// restart. Needs PostgreSQL (DATABASE_URL); the embedded database has no other sessions to terminate.
import postgres from 'postgres';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { connectionKiller, type ConnectionKiller } from '@/testing/connection-killer';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { searchByNameAndBirth } from './support/search';
import { serverLog } from './support/server-log';
import { signInAsDemo } from './support/staff';

const ENDPOINT = '/api/v1/children/search';
const FRIENDLY = 'Sorry, there is a problem with the service';
/** What must never reach a user: a stack frame, an error's name, the database's own words. */
const LEAKS = /\n\s+at |Error:|PostgresError|terminating connection|ECONNRESET|CONNECTION_|select |insert /i;

/** A family name no fixture has, to look for in the app's log. */
const TYPED = 'Zzyzxlogtest';

/** The e2e run's own database on DATABASE_URL's server (e2e/support/start-server.ts). */
function e2eDatabaseUrl(): string | null {
  if (!process.env.DATABASE_URL) return null;
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `${url.pathname}_e2e`;
  return url.toString();
}

/** Terminates every connection the app holds now, and waits until each of those backends has gone. */
async function terminateAppConnections(sql: postgres.Sql): Promise<number> {
  const pids = (await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and application_name = 'childrens-index'`).map((r) => r.pid);
  await sql`select pg_terminate_backend(pid) from unnest(${pids}::int[]) as pid`;
  // The app may open new ones meanwhile (its job worker polls): only the terminated ones are waited for.
  await expect
    .poll(async () => (await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where pid = any(${pids}::int[])`)[0]!.n, { timeout: 30_000 })
    .toBe(0);
  return pids.length;
}

test.describe('[STAFF] the database dropping its connections', () => {
  test.skip(!e2eDatabaseUrl(), 'needs PostgreSQL: set DATABASE_URL');
  test.setTimeout(240_000);
  let killer: ConnectionKiller;
  test.beforeAll(() => {
    killer = connectionKiller(e2eDatabaseUrl()!);
  });
  test.afterAll(async () => {
    await killer.stop();
    await killer.close();
  });

  test('searches and pages fail cleanly while it happens, and the app recovers by itself', async ({ page, request }) => {
    const { ordinary: child } = e2eChildren();
    await signInAsDemo(page, 'demo.teacher');
    const run = `${Date.now().toString(36)}`;
    const searched = (i: number) => `Faultline${run}x${i}`;
    const api = (i: number) =>
      request.post(ENDPOINT, {
        headers: { authorization: `Bearer ${demoApiClient().key}` },
        data: { reason: 'working_with_child', familyName: searched(i), dateOfBirth: child.dateOfBirth },
      });

    const answered: number[] = [];
    const failures: { what: string; status: number }[] = [];
    // Pages are opened in a tab of the same session without the fixture's watch for console errors: a page that
    // failed logs one by design. What the practitioner sees is what is checked.
    const tab = await page.context().newPage();
    killer.start();
    try {
      for (let i = 0; i < 25; i++) {
        // A system client's search, and a signed-in practitioner's page (the guard reads the user from the database).
        const [search, staffPage] = await Promise.all([api(i), tab.goto('/staff/search')]);
        const searchBody = await search.text();
        if (search.status() === 200) {
          expect(JSON.parse(searchBody)).toMatchObject({ match: null });
          answered.push(i);
        } else {
          failures.push({ what: 'search', status: search.status() });
          expect(search.status(), searchBody).toBe(500);
          expect(search.headers()['content-type']).toContain('application/json');
          expect(JSON.parse(searchBody)).toEqual({ error: 'Sorry, there is a problem with the service. Try again later.' });
        }
        if (staffPage!.status() === 200) {
          await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Find a child');
        } else {
          failures.push({ what: 'page', status: staffPage!.status() });
          expect(staffPage!.status()).toBe(500);
          // The error page is drawn in the browser (React renders error boundaries there, not on the server).
          await expect(tab.getByRole('heading', { level: 1 })).toHaveText(FRIENDLY, { timeout: 30_000 });
        }
        const shown = await tab.locator('body').innerText();
        const html = (await staffPage!.text()).replace(/<script[\s\S]*?<\/script>/g, '');
        for (const body of [searchBody, shown, html]) expect(body).not.toMatch(LEAKS);
      }
    } finally {
      expect(await killer.stop()).toBeGreaterThan(0);
      await tab.close();
    }
    test.info().annotations.push({ type: 'faults', description: `${failures.length} of 50 requests failed while connections were being terminated` });

    // No restart, and no request lost to a connection terminated while idle: straight away, ten searches in a row
    // and as many requests at once as the pool has connections all go through.
    for (let i = 1000; i < 1010; i++) {
      expect((await api(i)).status()).toBe(200);
      answered.push(i);
    }
    const atOnce = await Promise.all(Array.from({ length: 30 }, () => request.get('/api/health').then((r) => r.status())));
    expect(atOnce.filter((status) => status !== 200)).toEqual([]);
    await searchByNameAndBirth(page, child);
    await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);

    // Every search that was answered left its audit event.
    const sql = postgres(e2eDatabaseUrl()!, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ familyName: string }[]>`
        select query->>'familyName' as "familyName" from audit_events
        where action = 'child.search' and query->>'familyName' like ${`Faultline${run}x%`}`;
      const audited = new Set(rows.map((r) => r.familyName));
      expect(answered.filter((i) => !audited.has(searched(i)))).toEqual([]);
    } finally {
      await sql.end();
    }
  });

  test('after every idle connection of the app is terminated, the next requests all succeed', async ({ request }) => {
    const observer = postgres(e2eDatabaseUrl()!, { max: 1, onnotice: () => {}, connection: { application_name: 'fault-observer' } });
    try {
      for (let round = 0; round < 3; round++) {
        // As many requests at once as fill the pool, so that every connection it holds is one that is terminated.
        await Promise.all(Array.from({ length: 30 }, () => request.get('/api/health')));
        expect(await terminateAppConnections(observer)).toBeGreaterThan(0);
        for (let i = 0; i < 5; i++) {
          const search = await request.post(ENDPOINT, {
            headers: { authorization: `Bearer ${demoApiClient().key}` },
            data: { reason: 'working_with_child', familyName: `Idlekill${round}x${i}`, dateOfBirth: '2015-03-04' },
          });
          expect(search.status(), await search.text()).toBe(200);
        }
        const atOnce = await Promise.all(Array.from({ length: 30 }, () => request.get('/api/health').then((r) => r.status())));
        expect(atOnce.filter((status) => status !== 200)).toEqual([]);
      }
    } finally {
      await observer.end();
    }
  });

  test('a page that fails shows the service-problem page without JavaScript, and the log keeps nothing typed', async ({ page, browser }) => {
    const { ordinary: child } = e2eChildren();
    await signInAsDemo(page, 'demo.teacher');
    // Without the fixture's watch for console errors: a page that failed logs one by design.
    const tab = await page.context().newPage();
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await noScript.newPage();

    // A query waits behind a lock the test holds until PostgreSQL gives up (55P03): a failure that comes on its own,
    // every time, once the app's sessions have the short lock_timeout.
    const admin = postgres(e2eDatabaseUrl()!, { max: 2, onnotice: () => {}, connection: { application_name: 'fault-injector' } });
    const database = new URL(e2eDatabaseUrl()!).pathname.slice(1);
    // New sessions take the database's settings: the app's present ones are ended (which costs no request).
    const renewSessions = () => terminateAppConnections(admin);
    const logBefore = serverLog().length;
    const holder = await admin.reserve();
    try {
      await admin.unsafe(`alter database "${database}" set lock_timeout = '500ms'`);
      await renewSessions();
      await holder`begin`;
      // A practitioner's search whose query of the children fails, with what they typed among its parameters.
      await holder`lock table children in access exclusive mode`;
      await searchByNameAndBirth(tab, child, TYPED);
      await expect(tab.getByRole('heading', { level: 1 })).toHaveText(FRIENDLY, { timeout: 30_000 });

      // A page that fails while it renders (its guard reads the staff sessions), in a browser without JavaScript.
      await holder`lock table staff_sessions in access exclusive mode`;
      const opened = await plain.goto('/staff/search');
      expect(opened!.status()).toBe(500);
      await expect(plain.getByRole('heading', { level: 1 })).toHaveText(FRIENDLY);
      const html = (await opened!.text()).replace(/<script[\s\S]*?<\/script>/g, '');
      expect(html).toContain(FRIENDLY);
      expect(html).not.toMatch(LEAKS);
      expect(await plain.locator('body').innerText()).not.toMatch(LEAKS);
    } finally {
      await holder`rollback`.catch(() => undefined);
      holder.release();
      await admin.unsafe(`alter database "${database}" reset lock_timeout`);
      await renewSessions();
      await admin.end();
      await noScript.close();
      await tab.close();
    }
    // Next.js logged both failures (lock_not_available), and nothing the practitioner typed.
    await expect.poll(() => serverLog().slice(logBefore).match(/55P03/g)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(serverLog().slice(logBefore)).not.toContain(TYPED);
  });
});
