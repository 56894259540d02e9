import type { Page } from '@playwright/test';
import { citizenEmail } from './support/citizen';
import { e2eChildren } from './support/fixtures-file';
import { expect, test } from './support/fixtures';
import { receivedEmails } from './support/mailbox';
import { signInAsDemo } from './support/staff';

const EVIL = 'http://evil.example';
const SEARCH = '/api/v1/children/search';

/** Opens a page of another site holding `form`, which posts to the app: what a cross-site request forgery does. */
async function openEvilPage(page: Page, form: string) {
  await page.route(`${EVIL}/**`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Win a prize</title>${form}` }));
  await page.goto(`${EVIL}/prize`);
}

const linksTo = (email: string) => receivedEmails().filter((e) => e.to.includes(email)).length;

test.describe('[SECURITY] requests from other sites', () => {
  test('[CITIZEN] another site’s copy of the sign-in form cannot make the server action send a link', async ({ page, request, baseURL }) => {
    // The form exactly as the app serves it, hidden fields naming the server action included.
    const html = await (await request.get('/portal/sign-in')).text();
    const form = /<main[\s\S]*?(<form[\s\S]*?<\/form>)/.exec(html)![1]!;
    expect(form).toContain('$ACTION');
    const forged = citizenEmail('forged');
    await openEvilPage(page, form.replace(/<form[^>]*>/, `<form method="post" enctype="multipart/form-data" action="${baseURL}/portal/sign-in">`));
    await page.getByLabel('Email address').fill(forged);
    const refused = page.waitForResponse((r) => r.url() === `${baseURL}/portal/sign-in` && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    // Refused before the action runs, with the service's own page: a 403, not the 500 Next.js answers by itself.
    expect((await refused).status()).toBe(403);

    // The same form on the app's own page sends its link; by the time it arrives, the forged one would have too.
    const own = citizenEmail('own');
    await page.goto('/portal/sign-in');
    await page.getByLabel('Email address').fill(own);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    await expect.poll(() => linksTo(own)).toBe(1);
    expect(linksTo(forged)).toBe(0);
  });

  test('[STAFF] a cookie-authenticated route refuses another site, even when the session cookie goes along', async ({ page, baseURL }) => {
    const { ordinary: child } = e2eChildren();
    const search = { reason: 'working_with_child', familyName: child.familyName, dateOfBirth: child.dateOfBirth };
    await signInAsDemo(page, 'demo.socialworker');

    // A browser posting another site's form sends no session cookie (SameSite=Lax) and is refused before it matters.
    const field = JSON.stringify({ ...search, padding: '' }).slice(0, -2);
    await openEvilPage(page, `<form method="post" enctype="text/plain" action="${baseURL}${SEARCH}"><input name='${field}' value='"}'><button>Claim</button></form>`);
    const fromEvil = page.waitForResponse((r) => r.url() === `${baseURL}${SEARCH}`);
    await page.getByRole('button', { name: 'Claim' }).click();
    expect((await fromEvil).status()).toBe(403);

    // A request that does carry the cookie (from a sibling site, say) is refused on its origin alone.
    const forged = await page.request.post(SEARCH, { data: search, headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toEqual({ error: expect.stringMatching(/own pages/) });
    const own = await page.request.post(SEARCH, { data: search, headers: { origin: baseURL!, 'sec-fetch-site': 'same-origin' } });
    expect(own.status()).toBe(200);

    // next-auth's routes: another site cannot sign the user out (nor in, nor change the session).
    for (const action of ['signout', 'session', 'callback/staff-session']) {
      const response = await page.request.post(`/api/auth/${action}`, { form: { csrfToken: 'forged' }, headers: { origin: EVIL }, maxRedirects: 0 });
      expect(response.status(), action).toBe(403);
    }
    await page.goto('/staff');
    await expect(page).toHaveURL(/\/staff$/);
  });
});
