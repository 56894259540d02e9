import type { APIResponse } from '@playwright/test';
import { appRoutes } from './support/app-routes';
import { citizenEmail, signInAsCitizen } from './support/citizen';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { searchByNameAndPostcode } from './support/search';
import { signInAsDemo } from './support/staff';

const NONCE = /'nonce-([A-Za-z0-9+/]{16,}={0,2})'/;
// Every page and route handler, and an address that is none of them (the not-found page).
const everyRoute = [...appRoutes().map((r) => r.path), '/no-such-page'];

function directive(response: APIResponse, name: string): string {
  const policy = response.headers()['content-security-policy'] ?? '';
  return policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
}

/** The headers every response of the app carries, whoever asks and whatever the answer. */
function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const path = new URL(response.url()).pathname;
  if (path.startsWith('/api/v1/') || path === '/staff/casework/loads/upload') {
    // The system clients' JSON API and the upload page's route handler (both outside the proxy) render nothing: no
    // script may run at all, so no nonce is needed.
    expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  } else {
    const scripts = directive(response, 'script-src');
    expect(scripts).toMatch(NONCE);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directive(response, 'object-src')).toBe("object-src 'none'");
  }
  expect(directive(response, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(Number(/max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '')?.[1])).toBeGreaterThanOrEqual(31_536_000);
  expect(headers['strict-transport-security']).toContain('includeSubDomains');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  // Every answer may name a child or a person, and every page carries a nonce that must not be served twice.
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['x-powered-by']).toBeUndefined();
  for (const cookie of response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')) {
    expect(cookie.value).toMatch(/;\s*HttpOnly/i);
    expect(cookie.value).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  }
}

test.describe('[SECURITY] headers on every page and route', () => {
  test('the list covers pages, route handlers and every area', () => {
    expect(everyRoute).toEqual(expect.arrayContaining(['/', '/staff/sign-in', '/portal', '/dev-mailbox', '/api/health', '/api/v1/children/search']));
    expect(everyRoute.length).toBeGreaterThan(40);
  });

  for (const route of everyRoute) {
    test(`${route} to an anonymous visitor`, async ({ request }) => {
      const response = await request.get(route, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
      expectSecurityHeaders(response);
    });
  }

  test('the same to a signed-in practitioner, on every staff page', async ({ page }) => {
    await signInAsDemo(page, 'demo.teacher');
    for (const route of everyRoute.filter((r) => r.startsWith('/staff') || r.startsWith('/api'))) {
      const response = await page.request.get(route, { maxRedirects: 0 });
      expect(response.status(), route).toBeLessThan(500);
      expectSecurityHeaders(response);
    }
  });

  test('the nonce is new for every response, is the one the page’s scripts carry, and survives a forged middleware header', async ({ request }) => {
    const nonces: string[] = [];
    const forged = { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };
    for (const headers of [{}, {}, forged] as Record<string, string>[]) {
      const response = await request.get('/staff/sign-in', { headers });
      expectSecurityHeaders(response);
      const nonce = NONCE.exec(directive(response, 'script-src'))![1]!;
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test('static files keep their caching and run nothing', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(chunk).toBeTruthy();
    const built = await request.get(chunk!);
    expect(built.headers()['cache-control']).toContain('immutable');
    for (const file of [chunk!, '/assets/images/favicon.svg', '/govuk/govuk-frontend.min.css']) {
      const response = await request.get(file);
      expect(response.status(), file).toBe(200);
      expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
    }
  });
});

test.describe('[SECURITY] scripts run under the policy', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  for (const { area, path, button, error, fill } of [
    { area: 'STAFF', path: '/staff/sign-in', button: 'Sign in', error: /enter your user name/i, fill: { 'User name': 'nobody.here', Password: 'not-the-password', PIN: '1234' } },
    { area: 'CITIZEN', path: '/portal/sign-in', button: 'Send me a link', error: /enter your email address/i, fill: { 'Email address': 'someone@example.com' } },
  ]) {
    test(`[${area}] ${path} hydrates, starts GOV.UK Frontend and handles its form in the browser, with no violation`, async ({ page }) => {
      await page.goto(path);
      // GOV.UK Frontend's inline template script, which runs only with the nonce.
      await expect(page.locator('body')).toHaveClass(/\bjs-enabled\b.*\bgovuk-frontend-supported\b/);
      // GOV.UK Frontend's components, loaded as a chunk by a nonce'd script ('strict-dynamic').
      await expect(page.locator('[data-module="govuk-skip-link"]')).toHaveAttribute('data-govuk-skip-link-init', '');
      // React has hydrated the form: its nodes carry React's own properties.
      await page.waitForFunction(() => Object.keys(document.querySelector('main form')!).some((key) => key.startsWith('__react')));
      const sent: string[] = [];
      page.on('request', (r) => void (r.method() === 'POST' && sent.push(r.headers()['next-action'] ? 'server action' : r.url())));
      // The form's own schema answers an empty form in the browser, before any request.
      await page.getByRole('button', { name: button }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText(error);
      expect(sent).toEqual([]);
      // A form the schema accepts goes by fetch to its server action: React, not the browser, submits it.
      for (const [label, value] of Object.entries(fill)) await page.getByLabel(label, { exact: true }).fill(value);
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']));
      await page.getByRole('button', { name: button }).click();
      await answered;
      expect(sent).toEqual(['server action']);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    });
  }
});

test.describe('[SECURITY] cookies', () => {
  test('[STAFF] the session cookies are HttpOnly and SameSite=Lax, named for staff', async ({ page }) => {
    await signInAsDemo(page, 'demo.teacher');
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toContain('staff-session');
    for (const cookie of cookies) expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: expect.stringMatching(/^(Lax|Strict)$/) });
  });

  test('[CITIZEN] the session cookies are HttpOnly and SameSite=Lax, named for citizens', async ({ page }) => {
    await signInAsCitizen(page, citizenEmail('cookies'));
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toContain('citizen-session');
    for (const cookie of cookies) expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: expect.stringMatching(/^(Lax|Strict)$/) });
  });
});

// Addresses end up in browser history, in access logs and (without Referrer-Policy) in other sites' logs.
test.describe('[SECURITY] no personal data in addresses', () => {
  test('[CITIZEN] the emailed sign-in link carries no email address, and still signs in', async ({ page }) => {
    const email = citizenEmail('link');
    const link = await signInAsCitizen(page, email);
    expect(decodeURIComponent(link)).not.toContain(email);
    expect(new URL(link).searchParams.get('token')).toBeTruthy();
  });

  test('[STAFF] a search and the record it opens put no name, date of birth or postcode in any address', async ({ page }) => {
    const { ordinary: child } = e2eChildren();
    const [year, month, day] = child.dateOfBirth.split('-');
    const personal = [child.familyName, child.givenNames.split(' ')[0]!, child.postcode, child.postcode.replace(' ', ''), child.dateOfBirth, `${day}/${month}/${year}`];
    await signInAsDemo(page, 'demo.teacher');
    const addresses: string[] = [];
    // Built files' names are fixed at build time (and their hashes could spell anything).
    page.on('request', (r) => void (!/\/(_next\/static|assets)\//.test(r.url()) && addresses.push(decodeURIComponent(r.url()).toLowerCase())));
    await searchByNameAndPostcode(page, child);
    await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(child.familyName);
    expect(addresses.length).toBeGreaterThan(2);
    for (const value of personal) expect(addresses.filter((a) => a.includes(value.toLowerCase())), value).toEqual([]);
  });
});
