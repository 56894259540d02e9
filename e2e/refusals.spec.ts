import postgres from 'postgres';
import { formatApiKey, hashApiSecret, newApiSecret } from '@/lib/api-clients/api-key';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { appActions } from './support/app-routes';
import { e2eChildren } from './support/fixtures-file';
import { expect, test } from './support/fixtures';
import { builtActions, postAction } from './support/server-actions';
import { signInAsDemo } from './support/staff';

// Requests the service refuses, against the built server as an attacker would send them (raw HTTP): each refusal is
// a 4xx with the service's own page, never a 500, and each refusal by a guard is in the audit trail.

const action = (name: string) => {
  const found = appActions().find((a) => a.name === name)!;
  return { action: found, built: builtActions().get(`${found.file}#${found.name}`)! };
};

test.describe('[SECURITY] bad requests are 4xx, never 500', () => {
  test('a server action from another origin, or with a body React cannot read, gets 403 or 400 and the service’s page', async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const { action: signIn, built } = action('signInAction');
    const headers = { 'next-action': built.id, origin, accept: 'text/x-component' };

    // What the browser sends is let through, to the action's own answer (the empty form refused).
    const fair = await postAction(request, signIn, built, origin);
    expect(fair.status()).toBe(200);

    const crossSite = await postAction(request, signIn, built, 'https://evil.example', { fields: { username: 'demo.teacher' } });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.text()).toContain('This form must be sent from the Children’s Index');

    const boundary = '----refusals';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = (body: string) => ({ headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, data: body, maxRedirects: 0 });
    const unreadable = {
      truncated: multipart(`${part('0', '[{},"$K1"]')}--${boundary}\r\nContent-Disposition: form-data; name="_1_username"\r\n\r\ndemo.tea`),
      'not JSON': multipart(`${part('0', '[{},$K1')}--${boundary}--\r\n`),
      'wrongly typed': multipart(`${part('0', '{"username":"demo.teacher"}')}--${boundary}--\r\n`),
      '3,000 deep': multipart(`${part('0', `[${'['.repeat(3000)}${']'.repeat(3000)},"$K1"]`)}--${boundary}--\r\n`),
    };
    for (const [kind, options] of Object.entries(unreadable)) {
      const response = await request.post(built.page, options);
      expect(response.status(), kind).toBe(400);
      expect(response.headers()['content-type'], kind).toContain('text/html');
      expect(await response.text(), kind).toContain('Sorry, the service could not read what was sent');
    }
    // A body of plain text (React's encoding of arguments without a form) that is not JSON.
    const plain = await request.post(built.page, { headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, data: '[{"a":', maxRedirects: 0 });
    expect(plain.status()).toBe(400);
  });

  test('the audit trail and its download refuse a link from another site, and open from the service’s own pages', async ({ page }) => {
    test.slow(); // a sign-in may wait for the token's next code
    await signInAsDemo(page, 'demo.admin');
    for (const path of ['/staff/audit', '/staff/audit/export']) {
      const followed = await page.request.get(path, { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }, maxRedirects: 0 });
      expect(followed.status(), path).toBe(403);
      expect(followed.headers()['content-type'], path).toContain('text/html');
      expect(await followed.text(), path).toContain('Open the audit trail from the Children’s Index');
      const own = await page.request.get(path, { headers: { 'sec-fetch-site': 'same-origin' }, maxRedirects: 0 });
      expect(own.status(), path).toBe(200);
    }
  });
});

test.describe('[SECURITY] every refusal is audited', () => {
  test('a practitioner probing the admin pages, the audit trail and an admin action, and a caseworker opening another council’s request, leave a trace', async ({ page, baseURL }) => {
    test.slow(); // three sign-ins, each of which may wait for its token's next code
    const origin = new URL(baseURL!).origin;
    await signInAsDemo(page, 'demo.teacher');
    for (const path of ['/staff/admin', '/staff/admin/users/new', '/staff/audit']) {
      expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    }
    const { action: createUser, built } = action('createUserAction');
    expect((await postAction(page.request, createUser, built, origin, { fields: { username: 'probe.user' } })).status()).toBe(403);
    // Refused before any page or action runs (proxy.ts): from another site, and a body React cannot read.
    expect((await postAction(page.request, createUser, built, 'https://evil.example', { fields: { username: 'probe.user' } })).status()).toBe(403);
    const unreadable = await page.request.post(built.page, {
      headers: { 'next-action': built.id, origin, 'content-type': 'text/plain;charset=UTF-8' },
      data: '[{"a":',
      maxRedirects: 0,
    });
    expect(unreadable.status()).toBe(400);

    await page.context().clearCookies();
    await signInAsDemo(page, 'demo.caseworker');
    const elsewhere = `/staff/casework/${crypto.randomUUID()}`;
    expect((await page.request.get(elsewhere, { maxRedirects: 0 })).status()).toBe(404);

    await page.context().clearCookies();
    await signInAsDemo(page, 'demo.national');
    const trail = async (username: string) => {
      const response = await page.request.get(`/staff/audit/export?action=access.refused&username=${username}`);
      expect(response.status()).toBe(200);
      return (await response.text()).split('\r\n').filter((row) => row.includes(',access.refused,'));
    };
    // Newest first: the six just made (the access matrix, run earlier, was refused much more).
    const [readable, crossSite, ...probes] = (await trail('demo.teacher')).slice(0, 6);
    expect(readable).toContain(',A form whose contents could not be read (cut short or malformed),');
    expect(crossSite).toContain(',A form of the service sent from another site,');
    expect(probes.filter((row) => /,Needs the role (administrator|administrator or caseworker); they are practitioner,.*,Refused$/.test(row))).toHaveLength(4);
    const [notFound] = await trail('demo.caseworker');
    expect(notFound).toContain(',No correction request of their council with this id,');
    // The event names the address asked for, and whether it was a page or an action.
    const eventId = notFound!.split(',')[0];
    const event = await page.request.get(`/staff/audit/events/${eventId}`);
    expect(await event.text()).toContain(elsewhere);
  });
});

/** The e2e run's own database on DATABASE_URL's server (e2e/support/start-server.ts). */
function e2eDatabaseUrl(): string | null {
  if (!process.env.DATABASE_URL) return null;
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `${url.pathname}_e2e`;
  return url.toString();
}

test.describe('[SECURITY] searches are rate-limited', () => {
  test('a system client’s key gets its burst, then 429 with Retry-After and a JSON error; each refusal is audited and nothing is searched', async ({ request }) => {
    test.skip(!e2eDatabaseUrl(), 'needs PostgreSQL: set DATABASE_URL (the test makes an API client of its own, so no other test loses its allowance)');
    const sql = postgres(e2eDatabaseUrl()!, { max: 1, onnotice: () => {} });
    try {
      const secret = newApiSecret();
      const [client] = await sql<{ id: string }[]>`
        insert into api_clients (name, organisation_id, secret_hash)
        select 'A harvester', organisation_id, ${hashApiSecret(secret)} from api_clients where id = ${demoApiClient().id}
        returning id`;
      const { ordinary } = e2eChildren();
      const search = () =>
        request.post('/api/v1/children/search', {
          headers: { authorization: `Bearer ${formatApiKey(client!.id, secret)}` },
          data: { reason: 'working_with_child', familyName: ordinary.familyName, dateOfBirth: ordinary.dateOfBirth },
        });
      // Far more than the burst (60 by default) at once, as a harvesting script would send them.
      const answers = await Promise.all(Array.from({ length: 150 }, search));
      const served = answers.filter((a) => a.status() === 200);
      const refused = answers.filter((a) => a.status() === 429);
      expect(served.length + refused.length).toBe(150);
      expect(served.length).toBeGreaterThanOrEqual(60);
      expect(refused.length).toBeGreaterThan(0);
      for (const answer of refused) {
        expect(Number(answer.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
        expect((await answer.json()).error).toMatch(/^Too many searches: this one was not run\. Try again in \d+ seconds\.$/);
      }
      const outcomes = await sql<{ outcome: string; n: number }[]>`
        select outcome, count(*)::int as n from audit_events where actor_id = ${client!.id} and action = 'child.search' group by outcome`;
      expect(Object.fromEntries(outcomes.map((o) => [o.outcome, o.n]))).toEqual({ matches: served.length, rate_limited: refused.length });
    } finally {
      await sql.end();
    }
  });
});

test.describe('[SECURITY] the client address cannot be forged', () => {
  test('an X-Forwarded-For written by the client is not the address the audit trail records', async ({ page }) => {
    test.skip(!e2eDatabaseUrl(), 'needs PostgreSQL: set DATABASE_URL (the test reads the audit trail’s stored address, which no page shows)');
    // No proxy is trusted (TRUSTED_PROXY_HOPS unset): the socket's address counts, whatever the request claims.
    const username = `forged.${crypto.randomUUID().slice(0, 8)}`;
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.99, 198.51.100.7', 'x-real-ip': '203.0.113.99' });
    await page.goto('/staff/sign-in');
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByLabel('PIN').fill('135791');
    await page.getByLabel('Security code').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('The details you entered do not match our records');
    const sql = postgres(e2eDatabaseUrl()!, { max: 1, onnotice: () => {} });
    try {
      const events = await sql<{ client_address: string | null }[]>`
        select host(client_address) as client_address from audit_events where action = 'staff.sign_in_failed' and query->>'username' = ${username}`;
      expect(events).toHaveLength(1);
      expect(['127.0.0.1', '::1']).toContain(events[0]!.client_address);
    } finally {
      await sql.end();
    }
  });
});
