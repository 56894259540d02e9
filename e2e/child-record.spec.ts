import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { receivedEmails } from './support/mailbox';
import { fillDate, searchByNameAndBirth } from './support/search';
import { signInAsDemo } from './support/staff';

test('[RECORD] a practitioner finds a child from a misspelt name, opens the record and records their involvement', async ({ page, browser, baseURL, expectAccessible }) => {
  test.slow(); // a second sign-in, which may wait for its token's next code
  const { involved: child } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  const misspelt = child.familyName.slice(0, 1) + child.familyName.slice(2, 3) + child.familyName.slice(1, 2) + child.familyName.slice(3);
  await searchByNameAndBirth(page, child, misspelt);
  await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  await expect(page.getByRole('heading', { name: 'Services involved' })).toBeVisible();
  await expect(page.getByText(child.postcode)).toBeVisible();
  await expect(page.getByText(/last confirmed \d{1,2} \w+ \d{4}/).first()).toBeVisible();
  expect(page.url()).not.toContain(child.familyName);
  await expectAccessible();

  await page.getByRole('link', { name: 'Record that you work with this child' }).click();
  await page.getByRole('button', { name: 'Record my involvement' }).click();
  const errors = page.locator('.govuk-error-summary');
  await expect(errors).toContainText('Select the service you work for');
  await expect(errors).toContainText('Enter your role with the child');
  await expect(errors).toContainText('Enter the date you started working with the child');
  await expectAccessible();

  // A primary school provides education only: no CAMHS, no social care to choose from.
  await expect(page.getByLabel('Service you work for').locator('option')).toHaveText(['Choose', 'School or education setting']);
  await page.getByLabel('Service you work for').selectOption({ label: 'School or education setting' });
  await page.getByLabel('Your role with the child').fill('Designated safeguarding lead');
  await page.getByLabel('Phone number').fill('0113 496 0700');
  await fillDate(page, '2026-09-03');
  await page.getByRole('button', { name: 'Record my involvement' }).click();

  await expect(page.getByText('Your involvement has been recorded')).toBeVisible();
  const mine = page.locator('.govuk-summary-card').filter({ hasText: 'Designated safeguarding lead' });
  await expect(mine).toContainText('School or education setting');
  await expect(mine).toContainText('0113 496 0700');
  await expect
    .poll(() => receivedEmails().filter((e) => e.to.includes(child.involvedEmail) && e.subject === 'Someone else now works with a child you work with').length)
    .toBe(1);
  const told = receivedEmails().find((e) => e.to.includes(child.involvedEmail))!;
  expect(told.text).not.toContain('safeguarding lead');
  expect(told.text).not.toContain(child.familyName);
  // Its link leads to the record, through sign-in (which then asks why, as for any record not opened from a search).
  const link = told.text.match(/http\S+/)?.[0];
  expect(link).toBe(`${baseURL}/staff/sign-in?next=%2Fstaff%2Fchildren%2F${child.id}`);
  const colleague = await browser.newPage();
  await signInAsDemo(colleague, 'demo.socialworker', link);
  await expect(colleague).toHaveURL(new RegExp(`/staff/children/${child.id}$`));
  await expect(colleague.getByRole('heading', { name: 'Why do you need to see this record?' })).toBeVisible();
  await colleague.close();

  await mine.getByRole('button', { name: 'End my involvement' }).click();
  await expect(page.getByText('Your involvement has been ended')).toBeVisible();
  await expect(page.locator('.govuk-summary-card').filter({ hasText: 'Designated safeguarding lead' })).toHaveCount(0);
});

test('[RECORD] a shielded record hides where the child is; a child-protection override shows it once and tells the index team', async ({ page, expectAccessible }) => {
  const { shielded: child } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  await searchByNameAndBirth(page, child);
  await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();
  await expect(page.getByText('This record is shielded')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(child.postcode);
  await expect(page.locator('main')).not.toContainText('Services involved');
  await expect(page.getByText('Override the shield')).toHaveCount(0);
  await expectAccessible();

  await page.context().clearCookies();
  await signInAsDemo(page, 'demo.socialworker');
  await searchByNameAndBirth(page, child);
  await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();
  await page.getByText('Override the shield (child protection)').click();
  await page.getByLabel('Your reason').fill('Too short');
  await page.getByRole('button', { name: 'Override the shield and show the details' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('at least 20 characters');
  await page.getByLabel('Your reason').fill('Police report a credible threat to the child tonight; school must act now');
  await page.getByRole('button', { name: 'Override the shield and show the details' }).click();

  await expect(page.getByText('Shield overridden')).toBeVisible();
  await expect(page.locator('main')).toContainText(child.postcode);
  await expect.poll(() => receivedEmails().filter((e) => e.subject === 'Shield override: review needed now').length).toBe(1);

  await page.reload();
  await expect(page.getByText('This record is shielded')).toBeVisible();
  await expect(page.getByText('Your override was for one view')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(child.postcode);
});

test('[RECORD] a record opened without a search asks why, and the household list is one click away', async ({ page, expectAccessible }) => {
  const { ordinary: child } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  await page.goto(`/staff/children/${child.id}`);
  await expect(page.getByRole('heading', { name: 'Why do you need to see this record?' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(child.familyName);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select why you need to see this record');
  await page.getByLabel('A safeguarding concern').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);

  await page.getByRole('link', { name: 'Other children at this address' }).click();
  await expect(page.getByRole('heading', { name: 'Other children at this address' })).toBeVisible();
  await expectAccessible();
});
