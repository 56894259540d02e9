// GOV.UK's progressive enhancement: every journey works in a browser that runs no JavaScript (switched off, blocked by
// a firewall, or a script that failed to load). Each form posts to its server action as a plain HTML form; the page
// that comes back is rendered on the server.
import type { Page, Response } from '@playwright/test';
import { citizenEmail, linkOwnRecord } from './support/citizen';
import { e2eChildren } from './support/fixtures-file';
import { expect, test } from './support/fixtures';
import { receivedEmails } from './support/mailbox';
import { searchByNameAndBirth } from './support/search';
import { signInAsDemo } from './support/staff';

test.use({ javaScriptEnabled: false });

/**
 * The pages here are the ones the journeys with JavaScript check with axe (axe-core runs as a script, so not here);
 * what differs without it is checked: the title ends as every title does.
 */
async function expectTitled(page: Page) {
  await expect(page).toHaveTitle(new RegExp(`\\S – Children’s Index – GOV\\.UK$`));
}


/**
 * Watches every page the browser loads: none may fail with a 500, every form post must be one (a GET form would put
 * what was typed into the address), and no address may hold any of `words`.
 */
function watchDocuments(page: Page, words: string[] = []) {
  const seen: { method: string; url: string; status: number }[] = [];
  page.on('response', (response: Response) => {
    const request = response.request();
    if (request.resourceType() === 'document') seen.push({ method: request.method(), url: decodeURIComponent(request.url()), status: response.status() });
  });
  return {
    posts: () => seen.filter((d) => d.method === 'POST'),
    check() {
      expect(seen.filter((d) => d.status >= 500), 'pages that failed').toEqual([]);
      for (const word of words) expect(seen.filter((d) => d.url.toLowerCase().includes(word.toLowerCase())).map((d) => d.url), word).toEqual([]);
    },
  };
}

test.describe('[NO-JS] journeys with JavaScript switched off', () => {
  test('[STAFF] [NO-JS] a practitioner signs in, searches, opens a record and signs out', async ({ page }) => {
    test.slow(); // the sign-in may wait for the token's next code
    const { ordinary: child } = e2eChildren();
    const documents = watchDocuments(page, [child.familyName, child.dateOfBirth]);

    // A wrong sign-in comes back as the form with its errors, as GOV.UK asks, not a bare error.
    await page.goto('/staff/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter your user name');
    await expectTitled(page);

    await signInAsDemo(page, 'demo.teacher');
    await expect(page.getByRole('heading', { name: /^Signed in as / })).toBeVisible();

    // The search's errors, every one at once; the box for another reason is there to fill in without JavaScript, and
    // needed only when that reason is chosen. Then the search itself, the record it found and the way back.
    await page.goto('/staff/search');
    await expect(page.getByLabel('Your reason')).toBeVisible();
    await page.getByLabel('Another reason (say what)').check();
    await page.getByRole('button', { name: 'Search' }).click();
    const errors = page.locator('.govuk-error-summary');
    await expect(errors).toContainText('Say why you are searching');
    await expect(errors).toContainText('Enter a family name');
    await expectTitled(page);
    await page.getByLabel('I am working with this child').check();
    await page.getByLabel('Your reason').fill('Not needed for this reason');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(errors).toContainText('Enter a family name');
    await expect(errors).not.toContainText('Say why you are searching');
    await searchByNameAndBirth(page, child);
    await expect(page).toHaveURL(/\/staff\/search\?results=\d+#results$/);
    await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
    await expect(page.getByText(child.postcode).first()).toBeVisible();
    await page.getByRole('link', { name: 'Back to search results' }).click();
    await expect(page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` })).toBeVisible();
    await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();
    // A form whose action is bound to the record in the browser comes back with its errors too (it never answered).
    await page.getByRole('link', { name: 'Record that you work with this child' }).click();
    await page.getByRole('button', { name: 'Record my involvement' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter your role with the child');
    await expectTitled(page);

    // Sign out from the header, on any staff page.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in/);
    await page.goto('/staff/search');
    await expect(page).toHaveURL(/\/staff\/sign-in/);
    expect(documents.posts().length).toBeGreaterThanOrEqual(4);
    documents.check();
  });

  test('[CITIZEN] [NO-JS] a young person asks for a link, proves who they are, asks for a correction; the index team asks, they reply, it is decided', async ({ page, browser }) => {
    test.slow(); // two people, and a caseworker's sign-in that may wait for the token's next code
    const child = e2eChildren().withoutScript;
    const asked = `${child.givenNames} ${child.familyName}-Okafor`;
    const documents = watchDocuments(page, [child.familyName, 'Okafor', child.postcode.replace(' ', '')]);

    // "Send me a link", its errors first.
    await page.goto('/portal/sign-in');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter your email address');
    await expectTitled(page);
    const email = citizenEmail('no.script');
    // Signing in, then proving who they are with the posted code.
    await linkOwnRecord(page, child, email);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);

    // The correction: questions, errors, check answers, change, check again, send. Every step a POST.
    await page.getByRole('link', { name: 'Ask for something to be corrected' }).click();
    const form = page.url();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Select what is wrong');
    await expectTitled(page);
    // An address is asked for in its fields, and its errors come back without script too.
    await page.getByLabel(/^Address:/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the first line of the address');
    await page.getByRole('button', { name: 'Choose something else' }).click();
    await page.getByLabel(/^Name:/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Say what it should be');
    await page.getByLabel('What should it be?').fill(`${child.givenNames} ${child.familyName}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Check your answers before sending your request' })).toBeVisible();
    await expectTitled(page);
    await page.getByRole('button', { name: 'Change what it should be' }).click();
    await expect(page.getByLabel('What should it be?')).toHaveValue(`${child.givenNames} ${child.familyName}`);
    await expect(page.locator('.govuk-inset-text')).toContainText('Name:');
    await page.getByLabel('What should it be?').fill(asked);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-summary-list')).toContainText(asked);
    expect(page.url()).toBe(form);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();
    const reference = (await page.locator('.govuk-panel__body strong').textContent())!;
    expect(reference).toMatch(/^CR-/);

    // The index team, without JavaScript too: asks a question…
    const staff = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const staffDocuments = watchDocuments(staff, ['Okafor']);
    await signInAsDemo(staff, 'demo.caseworker');
    await staff.goto('/staff/casework');
    await staff.getByRole('link', { name: reference }).click();
    await staff.getByRole('link', { name: 'Ask the requester for more information' }).click();
    await staff.getByRole('button', { name: 'Send the question' }).click();
    await expect(staff.locator('.govuk-error-summary')).toBeVisible();
    await expectTitled(staff);
    await staff.getByLabel('Your question').fill('Which family name do you use at school?');
    await staff.getByRole('button', { name: 'Send the question' }).click();
    await expect(staff.getByText('Your question has been sent.')).toBeVisible();

    // …the young person replies…
    await page.goto('/portal/requests');
    await page.getByRole('link', { name: 'Reply to the index team' }).click();
    await page.getByLabel(`Your reply about ${reference}`).fill('Okafor, since September.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(page).toHaveURL(/\/portal\/requests/);

    // …and the caseworker decides.
    await staff.reload();
    await expect(staff.getByText('Okafor, since September.')).toBeVisible();
    await staff.getByRole('link', { name: 'Refuse the request' }).click();
    await staff.getByRole('button', { name: 'Continue' }).click();
    await expect(staff.locator('.govuk-error-summary')).toContainText('Enter the reason the record is not changed');
    await expectTitled(staff);
    await staff.getByLabel('Why the record is not changed').fill('The school holds the name as on the record; ask the school to write to us.');
    await staff.getByRole('button', { name: 'Continue' }).click();
    await expect(staff.getByRole('heading', { name: 'Check your reason before you refuse the request' })).toBeVisible();
    await expect(staff.locator('.govuk-summary-list')).toContainText('ask the school to write to us');
    await staff.getByRole('button', { name: 'Refuse the request' }).click();
    await expect(staff.getByText('The request is refused and the requester told.')).toBeVisible();
    await expect
      .poll(() => receivedEmails().some((e) => e.to.includes(email) && e.subject.includes(reference) && /refused|not changed|decided/i.test(e.subject + e.text)))
      .toBe(true);

    // Both sign out.
    await staff.goto('/staff');
    await staff.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(staff).toHaveURL(/\/staff\/sign-in/);
    staffDocuments.check();
    await staff.context().close();
    await page.goto('/portal/records');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await page.goto('/portal/records');
    await expect(page).toHaveURL(/\/portal\/sign-in/);
    documents.check();
  });

  test('[SECURITY] [NO-JS] a form whose browser hides its origin gets the service’s own page, not a bare 500; another site’s still 403', async ({ page, baseURL }) => {
    // A page served with no-referrer makes the browser post its form with `Origin: null`, which Next.js would abort.
    await page.route(`${baseURL}/portal/sign-in`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'referrer-policy': 'no-referrer' } });
    });
    await page.goto('/portal/sign-in');
    await page.getByLabel('Email address').fill(citizenEmail('hidden.origin'));
    const answer = page.waitForResponse((r) => r.url() === `${baseURL}/portal/sign-in` && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    expect((await answer).request().headers()['origin']).toBe('null');
    expect((await answer).status()).toBe(400);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, the service could not tell where this form came from');
    await expect(page).toHaveTitle(/ – Children’s Index – GOV\.UK$/);

    // The service's own pages keep their origin, so the same form works.
    await page.unroute(`${baseURL}/portal/sign-in`);
    await page.goto('/portal/sign-in');
    expect((await page.request.get('/portal/sign-in')).headers()['referrer-policy']).toBe('same-origin');
    await page.getByLabel('Email address').fill(citizenEmail('own.origin'));
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  });
});

test('[FORMS] every form in app/ posts, or is a filter of identifiers that may have an address of its own', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const path = await import('node:path');
  const root = path.resolve(import.meta.dirname, '..', 'app');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
  // GET is kept for lists filtered by identifiers and fixed choices (bookmarkable; nothing a person typed about a child).
  const filters = ['staff/audit/audit-filter-form.tsx', 'staff/casework/request-list.tsx'];
  const wrong: string[] = [];
  for (const file of files) {
    for (const [tag] of readFileSync(path.join(root, file), 'utf8').matchAll(/<form\b[^>]*>/g)) {
      const toAction = /\baction=\{/.test(tag) && !/\bmethod=/.test(tag);
      const posts = /\bmethod="post"/.test(tag);
      const isFilter = /\bmethod="get"/.test(tag) && filters.includes(file.split(path.sep).join('/'));
      if (!toAction && !posts && !isFilter) wrong.push(`${file}: ${tag}`);
    }
  }
  expect(wrong).toEqual([]);
});
