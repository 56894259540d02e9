import http from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import postgres from 'postgres';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { formatApiKey, hashApiSecret, newApiSecret } from '@/lib/api-clients/api-key';
import { LOAD_COLUMNS } from '@/lib/loads/load-columns';
import { LOAD_LOCK_CLASS } from '@/lib/loads/load-lock-key';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { signInAsDemo } from './support/staff';

const UPLOAD = '/api/v1/loads';

/** A load file of two rows: a child no one holds (its family name is unique to this run), and one with a bad date. */
function loadFile(source: string, familyName: string): string {
  const row = (values: Record<string, string>) => LOAD_COLUMNS.map((c) => values[c] ?? '').join(',');
  const child = { source_system: source, given_names: 'Ottoline', family_name: familyName, gender: 'F', address_line1: '1 Loader Row', town: 'Testbury', postcode: 'LS6 2QT' };
  return [LOAD_COLUMNS.join(','), row({ ...child, source_person_id: 'E2E-1', date_of_birth: '2015-04-07' }), row({ ...child, source_person_id: 'E2E-2', date_of_birth: '2015-02-30' })].join('\n');
}

/** The e2e run's own database on DATABASE_URL's server (e2e/support/start-server.ts). */
function e2eDatabaseUrl(): string | null {
  if (!process.env.DATABASE_URL) return null;
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `${url.pathname}_e2e`;
  return url.toString();
}

/** The key of a new API client of an organisation other than the demo client's. */
async function anotherOrganisationsKey(): Promise<string> {
  const sql = postgres(e2eDatabaseUrl()!, { max: 1, onnotice: () => {} });
  try {
    const secret = newApiSecret();
    const [client] = await sql<{ id: string }[]>`
      insert into api_clients (name, organisation_id, secret_hash)
      select 'Another council’s system', id, ${hashApiSecret(secret)} from organisations
      where id <> (select organisation_id from api_clients where id = ${demoApiClient().id}) order by name limit 1
      returning id`;
    return formatApiKey(client!.id, secret);
  } finally {
    await sql.end();
  }
}

/** The load at its status address once the job worker has checked it: staged and beyond, or refused. */
async function untilSettled(request: APIRequestContext, address: string, headers: Record<string, string>) {
  let load: { status?: string } = {};
  await expect
    .poll(
      async () => {
        load = await (await request.get(address, { headers })).json();
        return load.status;
      },
      { timeout: 45_000, intervals: [250, 500, 1000] },
    )
    .not.toMatch(/^(receiving|checking)$/);
  return load as Record<string, unknown>;
}

/** A raw POST of the upload address, to send a body slowly or declare more than is sent. */
function rawUpload(path: string, headers: Record<string, string>) {
  const request = http.request(new URL(path, `http://localhost:${process.env.E2E_PORT ?? '3210'}`), { method: 'POST', headers });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (piece: string) => (body += piece));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  return { request, answer };
}

/** The load at its status address once the job worker has finished it. */
async function untilDone(request: APIRequestContext, address: string, headers: Record<string, string>) {
  let load: { status?: string } = {};
  await expect
    .poll(
      async () => {
        const answer = await request.get(address, { headers });
        expect(answer.status()).toBe(200);
        load = await answer.json();
        return load.status;
      },
      { timeout: 45_000, intervals: [250, 500, 1000] },
    )
    .toBe('done');
  return load as Record<string, unknown>;
}

test.describe('[CASEWORK] source loads', () => {
  test('a system client uploads a load, the same file again changes nothing, and the index team sees its outcome and reject report', async ({ request, page, expectAccessible }) => {
    const { correctionNotice } = e2eChildren();
    const familyName = `Loadington${Date.now().toString(36).replace(/[0-9]/g, 'x')}`;
    const fileName = `e2e-${familyName}.csv`;
    const body = loadFile(correctionNotice.sourceSystem, familyName);
    const headers = { authorization: `Bearer ${demoApiClient().key}`, 'content-type': 'text/csv' };
    const address = `${UPLOAD}?source=${encodeURIComponent(correctionNotice.sourceSystem)}&asOf=2026-11-30&fileName=${fileName}`;

    const refused = await request.post(address, { headers: { 'content-type': 'text/csv' }, data: body });
    expect(refused.status()).toBe(401);

    // Answered once the file is stored, before it is checked; the job worker checks, stages, matches and applies it.
    const sent = await request.post(address, { headers, data: body });
    expect(sent.status()).toBe(202);
    const received = await sent.json();
    expect(received).toMatchObject({ alreadyReceived: false, status: 'checking', counts: { rows: 0 }, rejects: [] });
    const statusAddress = sent.headers().location!;
    expect(statusAddress).toBe(`/api/v1/loads/${received.id}`);
    expect((await request.get(statusAddress)).status()).toBe(401);
    const load = await untilDone(request, statusAddress, headers);
    expect(load).toMatchObject({ id: received.id, status: 'done', counts: { rows: 2, rejected: 1, created: 1 } });
    expect(load.rejects).toEqual([{ rowNumber: 3, field: 'date_of_birth', reason: expect.stringMatching(/not a real date/) }]);

    const again = await request.post(address, { headers, data: body });
    expect(again.status()).toBe(200);
    expect(again.headers().location).toBe(statusAddress);
    expect(await again.json()).toMatchObject({ alreadyReceived: true, id: load.id, status: 'done', counts: load.counts });
    // Another organisation's client gets the same answer as for an id that is no load at all.
    expect((await request.get(`${UPLOAD}/${crypto.randomUUID()}`, { headers })).status()).toBe(404);
    expect((await request.get(`${UPLOAD}/not-a-load`, { headers })).status()).toBe(404);
    if (e2eDatabaseUrl()) {
      const stranger = await request.get(statusAddress, { headers: { authorization: `Bearer ${await anotherOrganisationsKey()}` } });
      expect(stranger.status()).toBe(404);
      expect(await stranger.text()).not.toContain(fileName);
    }

    // A malformed file is refused by the check, with the reason at its address.
    const malformed = await request.post(`${UPLOAD}?source=${encodeURIComponent(correctionNotice.sourceSystem)}`, { headers, data: body.replace('given_names', 'first_name') });
    expect(malformed.status()).toBe(202);
    const refusedFile = await untilSettled(request, malformed.headers().location!, headers);
    expect(refusedFile).toMatchObject({ status: 'refused', refusal: expect.stringMatching(/header row is not the load format.*Nothing was loaded/) });

    await signInAsDemo(page, 'demo.caseworker');
    await page.goto('/staff/casework/loads');
    await expect(page.getByRole('heading', { name: 'Source loads' })).toBeVisible();
    await expectAccessible();
    await page.getByRole('link', { name: new RegExp(fileName) }).click();
    await expect(page.getByRole('heading', { name: fileName })).toBeVisible();
    await expect(page.getByText('Done', { exact: true })).toBeVisible();
    const rejects = page.getByRole('table').filter({ hasText: 'Reason' });
    await expect(rejects.getByRole('row').nth(1)).toContainText('date_of_birth');
    await expectAccessible();
  });

  test('a row that resembles a shielded child waits for the index team, who compare and decide it', async ({ request, page, expectAccessible }) => {
    const { correctionNotice, loadShielded: child } = e2eChildren();
    const row = (values: Record<string, string>) => LOAD_COLUMNS.map((c) => values[c] ?? '').join(',');
    const body = [
      LOAD_COLUMNS.join(','),
      row({
        source_system: correctionNotice.sourceSystem,
        source_person_id: `E2E-SHIELDED-${Date.now().toString(36)}`,
        given_names: child.givenNames,
        family_name: child.familyName,
        gender: 'U',
        date_of_birth: child.dateOfBirth,
        address_line1: '1 Loader Row',
        town: 'Testbury',
        postcode: child.postcode,
      }),
    ].join('\n');
    const fileName = `e2e-shielded-${Date.now().toString(36)}.csv`;
    const headers = { authorization: `Bearer ${demoApiClient().key}`, 'content-type': 'text/csv' };
    const sent = await request.post(`${UPLOAD}?source=${encodeURIComponent(correctionNotice.sourceSystem)}&asOf=2026-11-30&fileName=${fileName}`, { headers, data: body });
    expect(sent.status()).toBe(202);
    // Never linked by itself, never a new unshielded copy: the index team decides.
    expect(await untilDone(request, sent.headers().location!, headers)).toMatchObject({ counts: { rows: 1, review: 1, linked: 0, created: 0 } });

    await signInAsDemo(page, 'demo.caseworker');
    await page.goto('/staff/casework/loads');
    await page.getByRole('link', { name: new RegExp(fileName) }).click();
    await page.getByRole('link', { name: /^Compare/ }).click();
    await expect(page.getByRole('heading', { name: 'Is this the same child?' })).toBeVisible();
    await expect(page.getByText('The record held is shielded')).toBeVisible();
    await expectAccessible();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('There is a problem');
    await page.getByLabel('The same child: link the row to this record').check();
    await page.getByLabel('Your reason').fill('Same name, date of birth and postcode as the shielded record.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.getByRole('heading', { name: fileName })).toBeVisible();
    await expect(page.getByText('No matches are waiting for a decision.')).toBeVisible();
  });

  test('a load waiting for the job worker reads as waiting, and one being worked as in progress', async ({ page }) => {
    test.skip(!e2eDatabaseUrl(), 'needs PostgreSQL: set DATABASE_URL');
    const { correctionNotice } = e2eChildren();
    const sql = postgres(e2eDatabaseUrl()!, { max: 2, onnotice: () => {} });
    const fileName = `e2e-waiting-${Date.now().toString(36)}.csv`;
    // Received as the CLI would leave it between steps: no job for it, and the worker's sweep leaves the CLI's loads be.
    const [load] = await sql<{ id: string }[]>`
      insert into source_loads (source_system_id, file_name, file_sha256, as_of, submitted_by_kind, status, counts)
      select id, ${fileName}, md5(${fileName}), '2026-11-30', 'system', 'staged', '{"rows":0,"rejected":0,"bySourceId":0,"linked":0,"review":0,"created":0,"updated":0,"applied":0}'::jsonb
      from source_systems where code = ${correctionNotice.sourceSystem} returning id`;
    const holder = await sql.reserve();
    try {
      await signInAsDemo(page, 'demo.caseworker');
      await page.goto(`/staff/casework/loads/${load!.id}`);
      await expect(page.getByText('Received, waiting to be matched', { exact: true })).toBeVisible();
      await holder`select pg_advisory_lock(${LOAD_LOCK_CLASS}::int, hashtext(${load!.id}::text) & 2147483647)`;
      await page.goto('/staff/casework/loads');
      await expect(page.getByRole('row').filter({ hasText: fileName })).toContainText('Received, matching now');
    } finally {
      await holder`select pg_advisory_unlock_all()`;
      holder.release();
      await sql`delete from source_loads where id = ${load!.id}`;
      await sql.end();
    }
  });

  test('a file over the ceiling is refused with 413 before it is read, and one source sends one file at a time', async ({ request }) => {
    test.skip(!e2eDatabaseUrl(), 'needs PostgreSQL: set DATABASE_URL (the test watches the upload arrive)');
    const { correctionNotice } = e2eChildren();
    const source = encodeURIComponent(correctionNotice.sourceSystem);
    const authorization = `Bearer ${demoApiClient().key}`;

    const huge = rawUpload(`${UPLOAD}?source=${source}`, { authorization, 'content-type': 'text/csv', 'content-length': String(300 * 2 ** 20) });
    huge.request.write(`${LOAD_COLUMNS.join(',')}\n`);
    const tooLarge = await huge.answer;
    huge.request.destroy();
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).error).toMatch(/larger than the 200 MiB an upload may be.*Nothing was kept/);

    // A first file still arriving (its body sent in pieces, the rest held back): a second from the same source is refused.
    const sql = postgres(e2eDatabaseUrl()!, { max: 1, onnotice: () => {} });
    const slow = rawUpload(`${UPLOAD}?source=${source}&fileName=slow.csv`, { authorization, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' });
    try {
      slow.request.write(`${LOAD_COLUMNS.join(',')}\n`);
      await expect
        .poll(async () => (await sql`select status from load_uploads u join source_systems s on s.id = u.source_system_id where s.code = ${correctionNotice.sourceSystem} and u.file_name = 'slow.csv'`)[0]?.status, { timeout: 15_000 })
        .toBe('receiving');
      const second = await request.post(`${UPLOAD}?source=${source}`, { headers: { authorization, 'content-type': 'text/csv' }, data: loadFile(correctionNotice.sourceSystem, 'Secondfile') });
      expect(second.status()).toBe(409);
      expect((await second.json()).error).toMatch(/still being received or checked/);
    } finally {
      slow.request.end(loadFile(correctionNotice.sourceSystem, `Slowfile${Date.now().toString(36).replace(/[0-9]/g, 'x')}`).split('\n').slice(1).join('\n'));
      await sql.end();
    }
    const first = await slow.answer;
    expect(first.status).toBe(202);
    await untilDone(request, `${UPLOAD}/${JSON.parse(first.body).id}`, { authorization });
  });

  test('a caseworker sends a load file from the page, without script, and follows it to done', async ({ browser, page: signingIn }) => {
    const { correctionNotice } = e2eChildren();
    await signInAsDemo(signingIn, 'demo.caseworker');
    // Signed in with script (the sign-in form's own concern), then the upload without it.
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signingIn.context().storageState() });
    const page = await context.newPage();
    const familyName = `Pageload${Date.now().toString(36).replace(/[0-9]/g, 'x')}`;
    try {
      await page.goto('/staff/casework/loads');
      await page.getByRole('link', { name: 'Send a load file' }).click();
      await expect(page.getByRole('heading', { name: 'Send a load file' })).toBeVisible();
      await page.getByRole('button', { name: 'Send the file' }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Choose the load file to send.');

      await page.getByLabel('Source system').selectOption(correctionNotice.sourceSystem);
      await page.getByLabel('The load file').setInputFiles({ name: `${familyName}.csv`, mimeType: 'text/csv', buffer: Buffer.from(loadFile(correctionNotice.sourceSystem, familyName)) });
      await page.getByLabel('Day').fill('30');
      await page.getByLabel('Month').fill('11');
      await page.getByLabel('Year').fill('2026');
      await page.getByRole('button', { name: 'Send the file' }).click();
      await expect(page.getByRole('heading', { name: `${familyName}.csv` })).toBeVisible();
      // Without script the page is followed by its "Refresh the progress" link, which it shows until the load is finished.
      await expect.poll(async () => {
        const refresh = page.getByRole('link', { name: 'Refresh the progress' });
        if (await refresh.count()) await refresh.click();
        return page.getByRole('main').locator('.govuk-tag').first().innerText();
      }, { timeout: 45_000, intervals: [500, 1000] }).toBe('Done');
      await expect(page.getByRole('progressbar', { name: 'Finished' })).toHaveAttribute('value', '100');
      await expect(page.getByText('2, of which 1 rejected')).toBeVisible();
      await expect(page.locator('.govuk-summary-list')).toContainText('30 November 2026');
    } finally {
      await context.close();
    }
  });

  test('a caseworker sends a load file from the page with script, and its progress bar follows it to done without a reload', async ({ page, expectAccessible }) => {
    const { correctionNotice } = e2eChildren();
    await signInAsDemo(page, 'demo.caseworker');
    const familyName = `Barload${Date.now().toString(36).replace(/[0-9]/g, 'x')}`;
    await page.goto('/staff/casework/loads/new');
    await page.getByLabel('Source system').selectOption(correctionNotice.sourceSystem);
    await page.getByLabel('The load file').setInputFiles({ name: `${familyName}.csv`, mimeType: 'text/csv', buffer: Buffer.from(loadFile(correctionNotice.sourceSystem, familyName)) });
    await page.getByRole('button', { name: 'Send the file' }).click();
    await expect(page.getByRole('heading', { name: `${familyName}.csv` })).toBeVisible();
    await expectAccessible();
    // A mark on this document: still there at the end, so the bar moved by asking, not by the page being loaded again.
    await page.evaluate(() => document.documentElement.setAttribute('data-followed', 'yes'));
    await expect(page.getByRole('main').locator('.govuk-tag').first()).toHaveText('Done', { timeout: 45_000 });
    await expect(page.getByRole('progressbar', { name: 'Finished' })).toHaveAttribute('value', '100');
    await expect(page.locator('html')).toHaveAttribute('data-followed', 'yes');
    // Finished, the page is drawn again with the outcome.
    await expect(page.getByText('2, of which 1 rejected')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Refresh the progress' })).toHaveCount(0);

    // The progress route answers the page's guard, and names nobody.
    const loadId = new URL(page.url()).pathname.split('/').pop()!;
    const progress = await page.request.get(`/staff/casework/loads/${loadId}/progress`);
    expect(await progress.json()).toMatchObject({ status: 'done', percent: 100, finished: true });
    expect(await progress.text()).not.toContain(familyName);
  });
});
