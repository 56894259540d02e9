import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { fillDate, searchByNameAndPostcode } from './support/search';
import { signInAsDemo } from './support/staff';

test('[SEARCH] a practitioner finds a child from a misspelt name and sees why it matched', async ({ page, expectAccessible }) => {
  const { ordinary: child } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  await page.getByRole('link', { name: 'Find a child' }).click();
  await expectAccessible();

  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select why you are searching');
  await page.getByLabel('I am working with this child').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a family name');

  const misspelt = child.familyName.slice(0, 2) + child.familyName.slice(3); // one letter missed out
  await page.getByLabel('I am working with this child').check();
  await page.getByLabel('Family name').fill(misspelt);
  await page.getByLabel('Given name (optional)').fill(child.givenNames.split(' ')[0]!);
  await fillDate(page, child.dateOfBirth);
  await page.getByRole('button', { name: 'Search' }).click();

  const row = page.getByRole('row').filter({ hasText: `${child.givenNames} ${child.familyName}` });
  await expect(row).toBeVisible();
  await expect(row).toContainText('family name one letter different');
  await expect(row).toContainText('date of birth matches');
  await expect(row).toContainText(child.postcode.split(' ')[0]!);
  await expect(row).not.toContainText(child.postcode);
  await expectAccessible();
});

test('[SEARCH] a shielded child is not found by postcode, and is found by name and date of birth without where they live', async ({ page }) => {
  const { shielded: child } = e2eChildren();
  await signInAsDemo(page, 'demo.caseworker');
  await searchByNameAndPostcode(page, child);
  await expect(page.getByText(/No children match|possible match|Too many children match/)).toBeVisible();
  // Other children of that name may live there; this one must not be among them.
  await expect(page.getByRole('row').filter({ hasText: `${child.givenNames} ${child.familyName}` })).toHaveCount(0);

  await fillDate(page, child.dateOfBirth);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: `${child.givenNames} ${child.familyName}` });
  await expect(row).toContainText('Not shown');
  await expect(row).not.toContainText(child.postcode.split(' ')[0]!);
});
