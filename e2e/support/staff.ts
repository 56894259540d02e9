import { generate } from 'otplib';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PIN, demoTotpSecret } from '@/lib/reference/demo-credentials';

export type SignInDetails = { password?: string; pin?: string; code?: string };

/** Fills and submits the staff sign-in form (at `from`: the sign-in page, perhaps with where to go next). */
export async function submitSignIn(page: Page, username: string, details: SignInDetails = {}, from = '/staff/sign-in') {
  await page.goto(from);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(details.password ?? DEMO_PASSWORD);
  await page.getByLabel('PIN').fill(details.pin ?? DEMO_PIN);
  await page.getByLabel('Security code').fill(details.code ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs a demo account in with the current code from its token. A code works once only, so if this account already
 * used the current one in an earlier test, wait for the next code as a person would. From the sign-in page as it is
 * the account's page follows; from a link with somewhere to go next, that page.
 */
export async function signInAsDemo(page: Page, username: string, from = '/staff/sign-in') {
  await submitSignIn(page, username, { code: await generate({ secret: demoTotpSecret(username) }) }, from);
  // The answer first (a page past sign-in, or the form back with a problem): the address changes only once the action is done.
  await expect(page.locator('main h1', { hasNotText: 'Staff sign in' }).or(page.locator('.govuk-error-summary'))).toBeVisible();
  if (new URL(page.url()).pathname === '/staff/sign-in') {
    await page.waitForTimeout((30 - (Math.floor(Date.now() / 1000) % 30) + 1) * 1000);
    await submitSignIn(page, username, { code: await generate({ secret: demoTotpSecret(username) }) }, from);
  }
  if (from === '/staff/sign-in') await expect(page).toHaveURL(/\/staff$/);
  else await expect(page).not.toHaveURL(/\/staff\/sign-in/);
}
