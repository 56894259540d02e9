import { generate } from 'otplib';
import { DEMO_PASSWORD, DEMO_PIN, demoTotpSecret } from '@/lib/reference/demo-credentials';
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { signInAsDemo } from './support/staff';

// Next.js adds its own role="alert" route announcer, so find GOV.UK's error summary by its class.
const errorSummary = (page: Page) => page.locator('.govuk-error-summary');

async function fillSignIn(page: Page, details: { username: string; password?: string; pin?: string; code?: string }) {
  await page.goto('/staff/sign-in');
  await page.getByLabel('User name').fill(details.username);
  await page.getByLabel('Password').fill(details.password ?? DEMO_PASSWORD);
  await page.getByLabel('PIN').fill(details.pin ?? DEMO_PIN);
  await page.getByLabel('Security code').fill(details.code ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('[STAFF] sign in', () => {
  test('a practitioner signs in with password, PIN and the code from their token, then signs out', async ({ page, expectAccessible }) => {
    await page.goto('/staff/sign-in');
    await expectAccessible();
    // The current code, or the next one if an earlier test used it: a code signs in once.
    await signInAsDemo(page, 'demo.teacher');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed in as Priya Shah (teacher)');
    await expect(page.getByText('Practitioner')).toBeVisible();
    await expectAccessible();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in\?ended=revoked/);
    await expect(page.getByText('You have been signed out.')).toBeVisible();
    await page.goto('/staff');
    await expect(page).toHaveURL(/\/staff\/sign-in/);
  });

  test('a wrong PIN gets the same answer as any other wrong detail', async ({ page, expectAccessible }) => {
    const code = await generate({ secret: demoTotpSecret('demo.caseworker') });
    await fillSignIn(page, { username: 'demo.caseworker', pin: '135791', code });
    await expect(errorSummary(page)).toContainText('The details you entered do not match our records');
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
    await expectAccessible();
  });

  test('an empty form gets a GOV.UK error summary with a message for each field', async ({ page, expectAccessible }) => {
    await page.goto('/staff/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = errorSummary(page);
    await expect(summary).toContainText('Enter your user name');
    await expect(summary).toContainText('Enter your password');
    await expect(summary).toContainText('Enter your PIN');
    await expectAccessible();
  });

  test('a user whose police check has expired is refused, and told why and whom to contact', async ({ page }) => {
    const code = await generate({ secret: demoTotpSecret('demo.expired') });
    await fillSignIn(page, { username: 'demo.expired', code });
    const refusal = errorSummary(page);
    await expect(refusal).toContainText('You cannot use the index at the moment');
    await expect(refusal).toContainText(/enhanced police check expired on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    await expect(refusal).toContainText('access manager');
  });

  test('a new user sets up their security token at first sign-in', async ({ page, expectAccessible }) => {
    await fillSignIn(page, { username: 'demo.newstarter' });
    await expect(page).toHaveURL(/\/staff\/enrol-token$/);
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    await expectAccessible();
    const key = (await page.locator('code').innerText()).replace(/\s/g, '');
    await page.getByLabel('Security code from your app').fill('000000');
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await expect(errorSummary(page)).toContainText('That code does not match');
    await page.getByLabel('Security code from your app').fill(await generate({ secret: key }));
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Jordan Lee');
  });

  test('the staff area sends anyone not signed in to sign in', async ({ page }) => {
    await page.goto('/staff');
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
  });

  test('a locked account answers the right details as it answers wrong ones, until an access manager unlocks it', async ({ page }) => {
    await fillSignIn(page, { username: 'demo.locked', pin: '000000', code: '123456' });
    await expect(errorSummary(page)).toContainText('do not match');
    await fillSignIn(page, { username: 'demo.locked', code: await generate({ secret: demoTotpSecret('demo.locked') }) });
    await expect(errorSummary(page)).toContainText('do not match');

    await signInAsDemo(page, 'demo.admin');
    await page.goto('/staff/admin');
    await page.getByRole('link', { name: /Ali Hassan/ }).click();
    await expect(page.getByText('locked', { exact: true })).toBeVisible();
    await page.getByLabel('Reinstate or unlock the account').check();
    await page.getByLabel('Reason').fill('Rang the service desk and proved who they are');
    await page.getByRole('button', { name: 'Change the account' }).click();
    await expect(page.getByText('Account reinstated')).toBeVisible();
    await page.context().clearCookies();
    await fillSignIn(page, { username: 'demo.locked', code: await generate({ secret: demoTotpSecret('demo.locked') }) });
    await expect(page).toHaveURL(/\/staff$/);
  });

  test('too many wrong guesses for one account are refused for 5 minutes', async ({ page }) => {
    for (let i = 0; i < 10; i++) {
      await fillSignIn(page, { username: 'demo.national', password: `wrong-password-guess-${i}`, code: '123456' });
      await expect(errorSummary(page)).toContainText('do not match');
    }
    const code = await generate({ secret: demoTotpSecret('demo.national') });
    await fillSignIn(page, { username: 'demo.national', code });
    await expect(errorSummary(page)).toContainText('Too many attempts');
  });
});
