import { appRoutes } from './support/app-routes';
import { expect, test } from './support/fixtures';

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

  // Signed in with the wrong role (and every other kind of user, on every page, route and action):
  // e2e/access-control.spec.ts.
});
