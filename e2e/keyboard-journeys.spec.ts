import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD, DEMO_PIN, demoTotpSecret } from '@/lib/reference/demo-credentials';
import { appActions } from './support/app-routes';
import { citizenEmail, receivedCode, signInAsCitizen } from './support/citizen';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { tabAndType, tabTo, useSkipLink } from './support/keyboard';
import { receivedEmails } from './support/mailbox';
import { searchByNameAndBirth } from './support/search';
import { builtActions, postAction } from './support/server-actions';
import { signInAsDemo } from './support/staff';

// Keyboard only: Tab, Shift+Tab, Enter, Space and typing; no clicks, and the focus visible at every stop. Following
// the emailed sign-in link is the one step done by address, as it is from a mail program.

const PRINT_ROOM = 'print-room@childrens-index.localhost';

test('[CITIZEN] [A11Y] a young person signs in, proves who they are, sees the record, asks for a correction and replies by keyboard alone', async ({ page, browser, baseURL, expectAccessible }) => {
  test.setTimeout(300_000); // two citizens sign in by email, a code comes by post, and a caseworker signs in
  const child = e2eChildren().keyboard;
  const email = citizenEmail('keyboard');

  await page.goto('/portal');
  await useSkipLink(page);
  await tabTo(page, page.getByRole('button', { name: 'Start now' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in to see your record' })).toBeVisible();
  await useSkipLink(page);
  await tabAndType(page, page.getByLabel('Email address'), email);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  let link = '';
  await expect
    .poll(() => (link = /https?:\/\/\S+\/api\/citizen-auth\/callback\/nodemailer\S+/.exec(receivedEmails().find((e) => e.to.includes(email))?.text ?? '')?.[0] ?? ''))
    .not.toBe('');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Your records' })).toBeVisible();
  await useSkipLink(page);

  // Verify: who the record is about, then the code posted to the address on it.
  await tabTo(page, page.getByRole('link', { name: 'Link a record to your account' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Whose record do you want to see?' })).toBeVisible();
  await useSkipLink(page);
  await tabTo(page, page.getByLabel('My own record', { exact: true }));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('My own record', { exact: true })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  // One question a page: the name, the date of birth, the postcode, then the answers to check.
  await expect(page.getByRole('heading', { name: 'What is your name?' })).toBeVisible();
  const [year, month, day] = child.dateOfBirth.split('-');
  await tabAndType(page, page.getByLabel('First name', { exact: true }), child.givenNames.split(' ')[0]!);
  await tabAndType(page, page.getByLabel('Last name', { exact: true }), child.familyName);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'What is your date of birth?' })).toBeVisible();
  await tabAndType(page, page.getByLabel('Day'), String(Number(day)));
  await tabAndType(page, page.getByLabel('Month'), String(Number(month)));
  await tabAndType(page, page.getByLabel('Year'), year!);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'What is the postcode where you live?' })).toBeVisible();
  await tabAndType(page, page.getByLabel('Postcode', { exact: true }), child.postcode);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
  const mailBefore = receivedEmails().length;
  await tabTo(page, page.getByRole('button', { name: 'Send me a code' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await useSkipLink(page);
  await tabAndType(page, page.getByLabel('Code'), await receivedCode(PRINT_ROOM, mailBefore));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record linked' })).toBeVisible();
  await useSkipLink(page);
  await expectAccessible();
  const linkId = /\/portal\/records\/([0-9a-f-]{36})$/.exec((await page.getByRole('link', { name: 'See your record' }).getAttribute('href'))!)![1]!;

  // The record, then a correction of the first item, checked and sent.
  await tabTo(page, page.getByRole('link', { name: 'See your record' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  await useSkipLink(page);
  await tabTo(page, page.getByRole('link', { name: 'Ask for something to be corrected' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ask for something to be corrected' })).toBeVisible();
  await useSkipLink(page);
  const firstItem = page.locator('input[name="item"]').first();
  const itemKey = (await firstItem.getAttribute('value'))!;
  await tabTo(page, firstItem);
  await page.keyboard.press('Space');
  await expect(firstItem).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tell us what is right' })).toBeVisible();
  await tabAndType(page, page.getByLabel('What should it be?'), `${child.givenNames} ${child.familyName}-Keys`);
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your answers before sending your request' })).toBeVisible();
  await useSkipLink(page);
  await tabTo(page, page.getByRole('button', { name: 'Send request' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();
  const reference = (await page.locator('.govuk-panel__body strong').textContent())!;
  expect(reference).toMatch(/^CR-/);
  await expectAccessible();

  // The young person's own stay-on form (their link), checked with axe as well.
  await page.goto(`/portal/records/${linkId}/stay-on`);
  await expect(page.getByRole('heading', { name: 'Ask to stay on the index until you are 25' })).toBeVisible();
  await expectAccessible();

  // [ACCESS] Another citizen who has the young person's link id and request reference gets nothing, and can change nothing.
  const other = await (await browser.newContext()).newPage();
  await signInAsCitizen(other, citizenEmail('keyboard.other'));
  for (const address of [`/portal/records/${linkId}`, `/portal/records/${linkId}/corrections/new`, `/portal/records/${linkId}/parent-access`, `/portal/records/${linkId}/stay-on`, `/portal/link-record/linked/${linkId}`, `/portal/requests/sent?reference=${reference}`]) {
    const response = await other.request.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBe(404);
    expect(await response.text(), address).not.toContain(child.familyName);
  }
  const raise = appActions().find((a) => a.name === 'raiseCorrectionAction')!;
  const built = builtActions().get(`${raise.file}#${raise.name}`)!;
  const forged = await postAction(other.request, raise, built, new URL(baseURL!).origin, { fields: { linkId, item: itemKey, requestedValue: 'Changed by someone else', step: 'send' } });
  expect(forged.status()).toBeLessThan(500);
  expect(forged.headers()['x-action-redirect'] ?? '').not.toContain('/portal/requests/sent');
  await other.goto('/portal/requests');
  await expect(other.getByText('You have not made any requests.')).toBeVisible();
  await other.context().close();

  // The index team asks for more information (and, while there, a page reached from the child's record passes axe)…
  const staff = await (await browser.newContext()).newPage();
  await signInAsDemo(staff, 'demo.caseworker');
  await staff.goto('/staff/casework');
  await staff.getByRole('link', { name: reference }).click();
  await staff.getByRole('link', { name: 'Ask the requester for more information' }).click();
  await staff.getByLabel('Your question').fill('Which family name do you use at school?');
  await staff.getByRole('button', { name: 'Send the question' }).click();
  await expect(staff.getByText('Your question has been sent.')).toBeVisible();
  await searchByNameAndBirth(staff, child);
  const found = staff.getByRole('link', { name: `${child.givenNames} ${child.familyName}` });
  const purpose = new URL((await found.getAttribute('href'))!, baseURL).searchParams.get('purpose');
  await staff.goto(`/staff/children/${child.id}/stay-on?purpose=${purpose}`);
  await expect(staff.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(staff);
  await staff.context().close();

  // …and the young person replies, by keyboard, from their list of requests.
  await page.goto('/portal/requests');
  await useSkipLink(page);
  await tabTo(page, page.getByRole('link', { name: 'Reply to the index team' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Reply to the index team' })).toBeVisible();
  await expect(page.getByText('Which family name do you use at school?')).toBeVisible();
  await expectAccessible();
});

/** Signs a demo account in by keyboard; a code works once, so after a refusal waits for the token's next one. */
async function signInByKeyboard(page: Page, username: string) {
  for (let attempt = 0; attempt < 2 && !page.url().endsWith('/staff'); attempt++) {
    if (attempt > 0) await page.waitForTimeout((30 - (Math.floor(Date.now() / 1000) % 30) + 1) * 1000);
    await page.goto('/staff/sign-in');
    await useSkipLink(page);
    await tabAndType(page, page.getByLabel('User name'), username);
    await tabAndType(page, page.getByLabel('Password'), DEMO_PASSWORD);
    await tabAndType(page, page.getByLabel('PIN'), DEMO_PIN);
    await tabAndType(page, page.getByLabel('Security code'), await generate({ secret: demoTotpSecret(username) }));
    await tabTo(page, page.getByRole('button', { name: 'Sign in' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /^Signed in as / }).or(page.locator('.govuk-error-summary'))).toBeVisible();
  }
  await expect(page).toHaveURL(/\/staff$/);
}

test('[SEARCH] [A11Y] a practitioner signs in, searches with a reason and opens the record by keyboard alone', async ({ page, expectAccessible }) => {
  test.slow(); // the sign-in may wait for the token's next code
  const child = e2eChildren().ordinary;
  await signInByKeyboard(page, 'demo.teacher');

  await useSkipLink(page);
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Find a child' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Find a child/);
  await useSkipLink(page);
  // The reason comes first: without one the search is refused, and the error summary takes the focus.
  await tabTo(page, page.getByRole('button', { name: 'Search' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select why you are searching');
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await tabTo(page, page.getByLabel('I am working with this child'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('I am working with this child')).toBeChecked();
  const [year, month, day] = child.dateOfBirth.split('-');
  await tabAndType(page, page.getByLabel('Family name'), child.familyName);
  await tabAndType(page, page.getByLabel('Given name (optional)'), child.givenNames.split(' ')[0]!);
  await tabAndType(page, page.getByLabel('Day'), String(Number(day)));
  await tabAndType(page, page.getByLabel('Month'), String(Number(month)));
  await tabAndType(page, page.getByLabel('Year'), year!);
  await page.keyboard.press('Enter');

  const result = page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` });
  await expect(result).toBeVisible();
  await tabTo(page, result);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  await useSkipLink(page);
  await expectAccessible();

  // From the record, by keyboard, to recording an early help assessment (its form checked with axe too), and back.
  await tabTo(page, page.getByRole('link', { name: 'Record an early help assessment or lead professional' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record an early help assessment or lead professional' })).toBeVisible();
  await useSkipLink(page);
  await expectAccessible();
  await tabTo(page, page.getByRole('link', { name: 'Back to the record' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
});
