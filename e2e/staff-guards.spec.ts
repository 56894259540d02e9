import { appRoutes, UNKNOWN_ID } from './support/app-routes';
import { expect, test } from './support/fixtures';
import { signInAsDemo } from './support/staff';

// Every staff page in the app, found from the files, with made-up values for its dynamic segments.
const PUBLIC = ['/staff/sign-in', '/staff/enrol-token', '/staff/activate/'];
const staffPages = appRoutes().filter((r) => r.kind === 'page' && /^\/staff(\/|$)/.test(r.path)).map((r) => r.path);
const guardedPages = staffPages.filter((p) => !PUBLIC.some((open) => p.startsWith(open)));

test.describe('[GUARD] every staff page', () => {
  test('the list of guarded pages is not empty', () => {
    expect(guardedPages).toEqual(expect.arrayContaining(['/staff', '/staff/admin', '/staff/admin/users/new']));
  });

  for (const page of guardedPages) {
    test(`${page} sends an anonymous visitor to sign in, even with a forged middleware header`, async ({ request }) => {
      const forged: Record<string, string> = { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };
      for (const headers of [{} as Record<string, string>, forged]) {
        const response = await request.get(page, { maxRedirects: 0, headers });
        expect(response.status(), JSON.stringify(headers)).toBe(307);
        expect(response.headers().location).toMatch(/\/staff\/sign-in/);
      }
    });
  }

  test('administrator, casework and audit pages refuse a signed-in practitioner of the wrong role', async ({ page }) => {
    expect(guardedPages).toEqual(expect.arrayContaining(['/staff/casework', `/staff/casework/${UNKNOWN_ID}`, '/staff/audit']));
    await signInAsDemo(page, 'demo.sexualhealth');
    for (const adminPage of guardedPages.filter((p) => ['/staff/admin', '/staff/casework', '/staff/audit'].some((area) => p.startsWith(area)))) {
      const response = await page.request.get(adminPage, { maxRedirects: 0 });
      expect(response.status(), adminPage).toBe(403);
    }
  });

  test('children’s records refuse an administrator, and recording involvement refuses the index team', async ({ page }) => {
    test.slow(); // two sign-ins, each of which may wait for its token's next code
    const recordPages = guardedPages.filter((p) => p.startsWith('/staff/children/'));
    expect(recordPages.length).toBeGreaterThanOrEqual(4);
    await signInAsDemo(page, 'demo.admin');
    for (const recordPage of recordPages) {
      expect((await page.request.get(recordPage, { maxRedirects: 0 })).status(), recordPage).toBe(403);
    }
    await page.context().clearCookies();
    await signInAsDemo(page, 'demo.caseworker');
    for (const practitionerPage of recordPages.filter((p) => /\/(involvement|indication)$/.test(p))) {
      expect((await page.request.get(practitionerPage, { maxRedirects: 0 })).status(), practitionerPage).toBe(403);
    }
  });
});
