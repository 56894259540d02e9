import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { searchByNameAndBirth, searchByNameAndPostcode } from './support/search';
import { signInAsDemo } from './support/staff';

const SHIELD_REASON = 'Family fleeing domestic violence; refuge placement agreed with the police';
const OVERRIDE_REASON = 'Police report a credible threat to the child tonight; the school must act now';

test('[SHIELD] the index team shields a record, a teacher sees only the shielded view, a social worker overrides it and the team reviews the alert', async ({ page, browser, expectAccessible }) => {
  // Three people sign in, and a security code works once: each may wait for the next one.
  test.setTimeout(180_000);
  const child = e2eChildren().toShield;
  const name = `${child.givenNames} ${child.familyName}`;

  // The caseworker shields the record from its page, with a reason.
  await signInAsDemo(page, 'demo.caseworker');
  await searchByNameAndBirth(page, child);
  await page.getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Shield this record' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shield this record');
  await expectAccessible();
  await page.getByRole('button', { name: 'Shield this record' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the reason');
  await expectAccessible();
  await page.getByLabel('Why does this record need a shield?').fill(SHIELD_REASON);
  await page.getByRole('button', { name: 'Shield this record' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('The record is now shielded');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('link', { name: 'Lift the shield' })).toBeVisible();
  await expectAccessible();

  // A teacher no longer finds the child by postcode, and by name and date of birth sees only who the child is.
  const teacher = await (await browser.newContext()).newPage();
  await signInAsDemo(teacher, 'demo.teacher');
  await searchByNameAndPostcode(teacher, child);
  await expect(teacher.getByText(/No children match|possible match|Too many children match/)).toBeVisible();
  await expect(teacher.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await searchByNameAndBirth(teacher, child);
  await teacher.getByRole('link', { name }).click();
  await expect(teacher.getByText('This record is shielded')).toBeVisible();
  await expect(teacher.locator('main')).not.toContainText(child.postcode);
  await expect(teacher.locator('main')).not.toContainText('Services involved');
  await expectAccessible(teacher);

  // A social worker overrides the shield with a reason.
  const socialWorker = await (await browser.newContext()).newPage();
  await signInAsDemo(socialWorker, 'demo.socialworker');
  await searchByNameAndBirth(socialWorker, child);
  await socialWorker.getByRole('link', { name }).click();
  await socialWorker.getByText('Override the shield (child protection)').click();
  await socialWorker.getByLabel('Your reason').fill(OVERRIDE_REASON);
  await socialWorker.getByRole('button', { name: 'Override the shield and show the details' }).click();
  await expect(socialWorker.getByText('Shield overridden')).toBeVisible();
  await expect(socialWorker.locator('main')).toContainText(child.postcode);

  // The caseworker finds the alert beside the correction requests and reviews it.
  await page.goto('/staff/casework');
  await page.getByRole('link', { name: 'Alerts to review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alerts to review');
  const alert = page.getByRole('row').filter({ hasText: formatIndexNumber(child.indexNumber) });
  await expect(alert).toContainText('Shield override');
  await expect(alert).toContainText('Tom Okafor (social worker)');
  await expect(alert).toContainText(OVERRIDE_REASON);
  await expectAccessible();
  await alert.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review an alert');
  await page.getByRole('button', { name: 'Record the review' }).click();
  const errors = page.locator('.govuk-error-summary');
  await expect(errors).toContainText('Select the outcome of your review');
  await expect(errors).toContainText('Enter a note about your review');
  await expectAccessible();
  await page.getByLabel('No concern').check();
  await page.getByLabel('Your note').fill('Spoke to the social worker; the police confirmed the threat');
  await page.getByRole('button', { name: 'Record the review' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Your review has been recorded');
  await expect(page.getByRole('row').filter({ hasText: formatIndexNumber(child.indexNumber) })).toHaveCount(0);
  await expectAccessible();
});
