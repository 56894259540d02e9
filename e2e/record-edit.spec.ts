import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { fillDate } from './support/search';
import { signInAsDemo } from './support/staff';

test('[CASEWORK] a caseworker changes an address directly, with a reason, and the record shows it', async ({ page, expectAccessible }) => {
  const child = e2eChildren().edited;
  await signInAsDemo(page, 'demo.caseworker');
  await page.goto('/staff/search');
  await page.getByLabel('Another reason (say what)').check();
  await page.getByLabel('Your reason').fill('Correcting the index after a call from the school');
  await page.getByLabel('Family name').fill(child.familyName);
  await fillDate(page, child.dateOfBirth);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();

  await page.getByRole('link', { name: 'Change the record' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Change the record of ${child.givenNames} ${child.familyName}`);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Change address' }).click();
  await expectAccessible(page);

  await page.getByLabel('Address line 1').fill('9 Mended Terrace');
  await page.getByLabel('Address line 2 (optional)').fill('');
  await page.getByLabel('Town or city').fill('Leeds');
  await page.getByLabel('Postcode').fill('not a postcode');
  await page.getByRole('button', { name: 'Save the change' }).click();
  const errors = page.locator('.govuk-error-summary');
  await expect(errors).toContainText('Enter why you are changing the record');
  await expect(errors).toContainText(/postcode/i);
  await expectAccessible(page);

  await page.getByLabel('Postcode').fill('LS6 2RT');
  await page.getByLabel('Why are you changing it?').fill('The school confirmed the family moved in October');
  await page.getByRole('button', { name: 'Save the change' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('The record has been changed');
  const address = page.locator('.govuk-summary-list__row').filter({ hasText: 'Address' });
  await expect(address).toContainText('9 Mended Terrace, Leeds, LS6 2RT');
  await expect(address).toContainText('last confirmed');
});

test('[CASEWORK] a practitioner cannot reach the page that changes a record', async ({ page }) => {
  const child = e2eChildren().edited;
  await signInAsDemo(page, 'demo.teacher');
  const response = await page.goto(`/staff/children/${child.id}/edit/address`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/permission/i);
});
