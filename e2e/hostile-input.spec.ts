import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { APIResponse } from '@playwright/test';
import fc from 'fast-check';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { FUZZ_RUNS, HOSTILE_STRINGS, hostileJsonText, hostileString, isPlainEnglishMessage, leaksInternals } from '@/testing/hostile-input';
import { isPlainText } from '@/lib/validation/plain-text';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { signInAsDemo } from './support/staff';

const SEARCH = '/api/v1/children/search';
const NOTICES = '/api/v1/correction-notices';
const ACKNOWLEDGE = '/api/v1/correction-notices/acknowledgements';
const apiKey = () => ({ authorization: `Bearer ${demoApiClient().key}` });
const VALID_SEARCH = { reason: 'working_with_child', familyName: 'Smith', givenName: 'Jo', dateOfBirth: '2015-03-04', postcode: 'LS6 2AB', gender: 'female', indexNumber: '', reasonDetail: '' };

/** An answer of the JSON API to anything: 200, or a 4xx the caller can act on, in JSON, showing nothing internal. */
async function expectClearAnswer(response: APIResponse, allowed: number[]) {
  const text = await response.text();
  expect(allowed, `status ${response.status()}: ${text.slice(0, 300)}`).toContain(response.status());
  expect(leaksInternals(text), text.slice(0, 300)).toBe(false);
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(text);
  if (response.status() >= 400) {
    expect(isPlainEnglishMessage(body.error), body.error).toBe(true);
    for (const [field, message] of Object.entries(body.fields ?? {})) expect(isPlainEnglishMessage(message), `${field}: ${message}`).toBe(true);
  }
  return body;
}

test.describe('[API] hostile input', () => {
  test.describe.configure({ timeout: 240_000 });

  test('any search body, JSON or not, gets a clear answer: never a 500, never a stack trace', async ({ request }) => {
    const body = fc.oneof({ weight: 4, arbitrary: hostileJsonText(VALID_SEARCH).map((text) => Buffer.from(text)) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map(Buffer.from) });
    await fc.assert(
      fc.asyncProperty(body, async (data) => {
        const response = await request.post(SEARCH, { headers: { ...apiKey(), 'content-type': 'application/json' }, data });
        await expectClearAnswer(response, [200, 400]);
      }),
      { numRuns: FUZZ_RUNS.http },
    );
  });

  test('SQL in every text field is only text: the search runs, finds nobody, and the index is intact', async ({ request }) => {
    const { ordinary: child } = e2eChildren();
    const sqlish = fc.constantFrom(...HOSTILE_STRINGS.filter((s) => isPlainText(s) && s.trim() !== '' && s.length <= 100));
    await fc.assert(
      fc.asyncProperty(sqlish, sqlish, fc.constantFrom(child.dateOfBirth, '2015-03-04'), async (familyName, givenName, dateOfBirth) => {
        const response = await request.post(SEARCH, { headers: apiKey(), data: { reason: 'other', reasonDetail: givenName, familyName, givenName, dateOfBirth } });
        // No child, and why not (no child has those names, or they are not enough to name one).
        expect(await expectClearAnswer(response, [200])).toMatchObject({ match: null, reason: expect.any(String) });
      }),
      { numRuns: FUZZ_RUNS.http },
    );
    // Still there, and still found by name: nothing was dropped, changed or opened up.
    const exact = await request.post(SEARCH, {
      headers: apiKey(),
      data: { reason: 'working_with_child', familyName: child.familyName, givenName: child.givenNames.split(' ')[0], dateOfBirth: child.dateOfBirth, postcode: child.postcode },
    });
    expect((await exact.json()).match).toMatchObject({ childId: child.id });
    const byIndex = await request.post(SEARCH, { headers: apiKey(), data: { reason: 'working_with_child', indexNumber: "' OR '1'='1" } });
    expect((await expectClearAnswer(byIndex, [400])).fields).toEqual({ indexNumber: 'Enter an index number of 11 letters and numbers, like 7Q2M X9KD 4TR' });
  });

  test('the correction notices API: any ?limit=, any acknowledgement body, any API key', async ({ request }) => {
    await fc.assert(
      fc.asyncProperty(hostileString({ maxLength: 40 }), async (limit) => {
        await expectClearAnswer(await request.get(`${NOTICES}?${new URLSearchParams({ limit })}`, { headers: apiKey() }), [200, 400]);
      }),
      { numRuns: FUZZ_RUNS.http / 2 },
    );
    await fc.assert(
      fc.asyncProperty(hostileJsonText({ ids: [randomUUID()] }), async (text) => {
        await expectClearAnswer(await request.post(ACKNOWLEDGE, { headers: { ...apiKey(), 'content-type': 'application/json' }, data: Buffer.from(text) }), [200, 400]);
      }),
      { numRuns: FUZZ_RUNS.http / 2 },
    );
    // Keys shaped like the real thing with an id PostgreSQL cannot read, and keys of any shape.
    const keys = fc.oneof(fc.constant(`ci_${'-'.repeat(36)}_${'A'.repeat(43)}`), fc.constant(`ci_${'g'.repeat(36)}_${'A'.repeat(43)}`), hostileString({ maxLength: 100 }).filter((k) => /^[\x20-\x7e]*$/.test(k)));
    await fc.assert(
      fc.asyncProperty(keys, async (key) => {
        await expectClearAnswer(await request.get(NOTICES, { headers: { authorization: `Bearer ${key}` } }), [401]);
        await expectClearAnswer(await request.post(SEARCH, { headers: { authorization: `Bearer ${key}` }, data: VALID_SEARCH }), [401]);
      }),
      { numRuns: FUZZ_RUNS.http / 2 },
    );
  });
});

test.describe('[API] oversized bodies', () => {
  test('a JSON body over 16 KB is refused with 413 and says the limit, declared or streamed; just under it is read', async ({ request, baseURL }) => {
    const padded = (size: number) => JSON.stringify({ ...VALID_SEARCH, padding: 'x'.repeat(size) });
    for (const endpoint of [SEARCH, ACKNOWLEDGE]) {
      const declared = await request.post(endpoint, { headers: { ...apiKey(), 'content-type': 'application/json' }, data: padded(1024 * 1024) });
      expect(declared.status()).toBe(413);
      expect(await declared.json()).toEqual({ error: 'The request is too large: send at most 16 KB.' });
    }
    // No Content-Length (chunked): counted as it arrives (lib/http/read-json-body.test.ts shows reading stops).
    const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"familyName":"'));
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(new URL(SEARCH, baseURL), { method: 'POST', headers: { ...apiKey(), 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ error: 'The request is too large: send at most 16 KB.' });
    const underLimit = await request.post(SEARCH, { headers: apiKey(), data: padded(15 * 1024) });
    expect(underLimit.status()).toBe(200);
  });

  test('a form post over 100 KB is refused with 413 before any action runs', async ({ request }) => {
    const response = await request.post('/portal/sign-in', { multipart: { email: `${'a'.repeat(200 * 1024)}@example.com` }, headers: { 'next-action': 'a'.repeat(42) } });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ error: 'The request is too large: send at most 100 KB.' });
  });

  test('a form post of no declared length (chunked) is refused with 411, large or small, before any action runs', async ({ baseURL }) => {
    // No browser sends a form post without Content-Length, so the proxy need not count one (lib/http/form-body-refusal.ts).
    // It answers on the headers alone, while the body is still on its way: the answer is read as it arrives, and the
    // server may close the connection on the rest.
    for (const kilobytes of [200, 1]) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const post = http.request(new URL('/portal/sign-in', baseURL), {
          method: 'POST',
          headers: { 'next-action': 'a'.repeat(42), 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
        });
        post.on('response', (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (text: string) => (body += text));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          response.on('error', reject);
        });
        post.on('error', (error) => (post.writableEnded ? undefined : reject(error)));
        for (let i = 0; i < kilobytes; i++) post.write('a'.repeat(1024));
        post.end();
      });
      expect(answer.status, `${kilobytes} KB`).toBe(411);
      expect(JSON.parse(answer.body)).toEqual({ error: 'Send the length of the request (Content-Length) with it.' });
    }
  });
});

test.describe('[STAFF] hostile addresses', () => {
  test('ids in the address that are not ids, or name no record, give a page saying so, never a 500', async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsDemo(page, 'demo.caseworker');
    const { ordinary } = e2eChildren();
    const segments = ["' OR '1'='1", '-'.repeat(36), 'constructor', '__proto__', '0', '99999999999999999999', randomUUID(), '%00', '%E2%80%AE', '..%2F..%2Fetc'];
    const pages = (id: string) => [
      `/staff/children/${id}`,
      `/staff/children/${id}/household?view=${id}`,
      `/staff/children/${ordinary.id}/edit/${id}`,
      `/staff/children/${ordinary.id}?purpose=${id}`,
      `/staff/casework/${id}`,
      `/staff/casework/stay-on/${id}`,
      `/staff/casework/alerts/${id}`,
      `/staff/casework/archive/${id}?view=${id}`,
      `/staff/audit?indexNumber=${id}&username=${id}&organisationId=${id}&action=${id}&fromYear=${id}`,
      `/staff/casework?status=${id}&assigned=${id}&sort=${id}`,
      `/staff/casework/stay-on?status=${id}&sort=${id}&done=${id}`,
      `/staff/children/${ordinary.id}?purpose=1&done=${id}`,
      // Shaped like the audit list's page cursor, but no moment PostgreSQL can read.
      `/staff/audit?before=2026-13-45T99:99:99.000000Z_1&username=${id}`,
      `/staff/audit/export?after=0000-01-01T00:00:00.000000Z_1&action=${id}`,
      `/staff/audit/events/${id}`,
    ];
    for (const segment of segments) {
      for (const path of pages(segment.startsWith('%') ? segment : encodeURIComponent(segment))) {
        const response = await page.request.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
        expect(leaksInternals(await response.text()), path).toBe(false);
      }
    }
  });
});
