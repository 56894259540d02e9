import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { receivedEmails } from './support/mailbox';
import { signInAsDemo, submitSignIn } from './support/staff';

const errorSummary = (page: Page) => page.locator('.govuk-error-summary');

/** Types "day month year" into the GOV.UK date input with that question. */
async function fillDate(page: Page, question: string, date: string) {
  const [day, month, year] = date.split(' ');
  const group = page.getByRole('group', { name: question });
  await group.getByLabel('Day').fill(day!);
  await group.getByLabel('Month').fill(month!);
  await group.getByLabel('Year').fill(year!);
}


test('[ADMIN] an access manager creates a user, records their vetting, and the user activates and signs in', async ({ page, expectAccessible }) => {
  await signInAsDemo(page, 'demo.admin');
  await page.getByRole('link', { name: 'Manage staff accounts' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Manage staff accounts');
  await expect(page.getByText('demo.expired')).toBeVisible();
  await expectAccessible();

  await page.getByRole('button', { name: 'Create a user' }).click();
  await page.getByRole('button', { name: 'Create user and send activation email' }).click();
  await expect(errorSummary(page)).toContainText('Enter the person’s full name');
  await expect(errorSummary(page)).toContainText('Select a role');
  await expectAccessible();

  const username = `robin.e2e${Date.now() % 100_000}`;
  await page.getByLabel('Full name').fill('Robin Ahmed');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Work email address').fill(`${username}@school.example.org`);
  await page.getByLabel('Practitioner').check();
  await page.getByLabel('Organisation').selectOption({ index: 1 });
  await page.getByRole('group', { name: 'Do they have a child-protection role?' }).getByLabel('No').check();
  await page.getByRole('group', { name: 'Do they work for a sensitive service?' }).getByLabel('No').check();
  await page.getByRole('button', { name: 'Create user and send activation email' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Robin Ahmed');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Account created. We have sent an activation link');
  await expect(page.getByText('pending activation')).toBeVisible();

  // Each date in GOV.UK's date input; a date that does not exist is refused, and the boxes keep what was typed.
  await fillDate(page, 'Mandatory training completed on', '31 9 2026');
  await page.getByRole('button', { name: 'Save vetting dates' }).click();
  await expect(errorSummary(page)).toContainText('Enter the date training was completed as a real date');
  await expect(page.getByRole('group', { name: 'Mandatory training completed on' }).getByLabel('Day')).toHaveValue('31');
  await fillDate(page, 'Mandatory training completed on', '1 10 2026');
  await fillDate(page, 'User agreement signed on', '1 10 2026');
  await fillDate(page, 'Enhanced police check issued on', '1 10 2026');
  await page.getByRole('button', { name: 'Save vetting dates' }).click();
  await expect(page.getByText('Vetting dates saved')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Enhanced police check issued on' }).getByLabel('Month')).toHaveValue('10');
  await expect(page.locator('.govuk-summary-list')).toContainText('1 October 2029');
  await expectAccessible();

  await expect.poll(() => receivedEmails().find((e) => e.to.includes(`${username}@school.example.org`))?.subject).toBe('Your Children’s Index account');
  const email = receivedEmails().find((e) => e.to.includes(`${username}@school.example.org`));
  const link = /http:\/\/\S+\/staff\/activate\/[\w-]+/.exec(email!.text)![0];
  await page.goto(new URL(link).pathname);
  await page.getByLabel('Create a password').fill('password1234');
  await page.getByLabel('Create a PIN').fill('482915');
  await page.getByLabel('Type the PIN again').fill('482915');
  await page.getByRole('button', { name: 'Activate account' }).click();
  await expect(errorSummary(page)).toContainText('too easy to guess');
  await page.getByLabel('Create a password').fill('amber-kettle-sonnet-river');
  await page.getByLabel('Create a PIN').fill('482915');
  await page.getByLabel('Type the PIN again').fill('482915');
  await page.getByRole('button', { name: 'Activate account' }).click();
  await expect(page.getByText('Your account is ready')).toBeVisible();

  await submitSignIn(page, username, { password: 'amber-kettle-sonnet-river', pin: '482915' });
  await expect(page).toHaveURL(/\/staff\/enrol-token$/);
});

test('[ADMIN] a child-protection role waits for a second access manager, and a local access manager cannot reach a national one', async ({ page, browser, expectAccessible }) => {
  await signInAsDemo(page, 'demo.admin');
  await page.goto('/staff/admin/users/new');
  const username = `cp.e2e${Date.now() % 100_000}`;
  await page.getByLabel('Full name').fill('Dana Brook');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Work email address').fill(`${username}@mail.example.org`);
  await page.getByLabel('Practitioner').check();
  await page.getByLabel('Organisation').selectOption({ index: 1 });
  await page.getByRole('group', { name: 'Do they have a child-protection role?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Do they work for a sensitive service?' }).getByLabel('No').check();
  await page.getByRole('button', { name: 'Create user and send activation email' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dana Brook');
  await expect(page.getByRole('heading', { name: 'Waiting for a second access manager' })).toBeVisible();
  await expect(page.getByText('You cannot approve this yourself.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await expectAccessible();
  const userPage = new URL(page.url()).pathname;

  await fillDate(page, 'Enhanced police check issued on', '1 1 2096');
  await page.getByRole('button', { name: 'Save vetting dates' }).click();
  await expect(errorSummary(page)).toContainText('The date the police check was issued cannot be in the future');

  const national = await browser.newPage();
  await signInAsDemo(national, 'demo.national');
  await national.goto(userPage);
  await national.getByRole('button', { name: 'Approve a child-protection role' }).click();
  // The page is drawn again with the role given, and nothing left waiting.
  await expect(national.locator('.govuk-summary-list')).toContainText(/Child-protection role\s*yes/);
  await expect(national.getByRole('heading', { name: 'Waiting for a second access manager' })).toHaveCount(0);
  await national.goto('/staff/admin');
  const nationalPage = await national.getByRole('link', { name: 'Alex Kowalski (national access manager)' }).getAttribute('href');
  await national.close();

  const refused = await page.goto(nationalPage!);
  expect(refused?.status()).toBe(404);
  await page.goto('/staff/admin');
  await expect(page.getByRole('link', { name: 'Alex Kowalski (national access manager)' })).toHaveCount(0);
});

test('[ADMIN] an access manager adds a service an organisation provides, with a reason, and removes it', async ({ page, expectAccessible }) => {
  await signInAsDemo(page, 'demo.admin');
  await page.getByRole('link', { name: 'Organisations and the services they provide' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisations and the services they provide');
  const school = page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'school', exact: true }) }).nth(1);
  await school.getByRole('link').click();
  await expect(page.getByRole('table')).toContainText('School or education setting');

  await page.getByRole('button', { name: 'Add the service' }).click();
  await expect(errorSummary(page)).toContainText('Select the service the organisation provides');
  await expect(errorSummary(page)).toContainText('Give the reason, in at least a few words');
  await expectAccessible();
  await page.getByLabel('Service the organisation provides').selectOption({ label: 'School nursing' });
  await page.getByLabel('Reason').fill('The school employs its own nurse');
  await page.getByRole('button', { name: 'Add the service' }).click();
  await expect(page.getByText('Service added: the organisation’s practitioners can now record it')).toBeVisible();
  await expect(page.getByRole('table')).toContainText('The school employs its own nurse');

  await page.getByRole('link', { name: 'Remove School nursing' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('School nursing');
  await expectAccessible();
  await page.getByLabel('Reason').fill('The nurse has left the school');
  await page.getByRole('button', { name: 'Remove the service' }).click();
  await expect(page.getByText('Service removed: the organisation’s practitioners can no longer record it')).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('School nursing');
});

test('[ADMIN] a practitioner cannot open the access managers’ pages', async ({ page }) => {
  await signInAsDemo(page, 'demo.socialworker');
  const response = await page.goto('/staff/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to see this page');
});
