import { generate } from 'otplib';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PIN, demoTotpSecret } from '@/db/seed/demo-credentials';

export type SignInDetails = { password?: string; pin?: string; code?: string };

/** Fills and submits the staff sign-in form. */
export async function submitSignIn(page: Page, username: string, details: SignInDetails = {}) {
  await page.goto('/staff/sign-in');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(details.password ?? DEMO_PASSWORD);
  await page.getByLabel('PIN').fill(details.pin ?? DEMO_PIN);
  await page.getByLabel('Security code').fill(details.code ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs a demo account in with the current code from its token. A code works once only, so if this account already
 * used the current one in an earlier test, wait for the next code as a person would.
 */
export async function signInAsDemo(page: Page, username: string) {
  await submitSignIn(page, username, { code: await generate({ secret: demoTotpSecret(username) }) });
  // The answer first (signed in, or the form back with a problem): the address changes only once the action is done.
  await expect(page.getByRole('heading', { name: /^Signed in as / }).or(page.locator('.govuk-error-summary'))).toBeVisible();
  if (!page.url().endsWith('/staff')) {
    await page.waitForTimeout((30 - (Math.floor(Date.now() / 1000) % 30) + 1) * 1000);
    await submitSignIn(page, username, { code: await generate({ secret: demoTotpSecret(username) }) });
  }
  await expect(page).toHaveURL(/\/staff$/);
}
