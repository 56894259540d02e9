import type { Page } from '@playwright/test';
import type { E2eChild } from './fixtures-file';

/** Fills a GOV.UK date input (the page's only one, or the one in `scope`) from an ISO date. */
export async function fillDate(page: Page, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year!);
}

/** Searches for a child by family name (as given, perhaps misspelt), first given name and date of birth. */
export async function searchByNameAndBirth(page: Page, child: E2eChild, familyName = child.familyName) {
  await page.goto('/staff/search');
  await page.getByLabel('I am working with this child').check();
  await page.getByLabel('Family name').fill(familyName);
  await page.getByLabel('Given name (optional)').fill(child.givenNames.split(' ')[0]!);
  await fillDate(page, child.dateOfBirth);
  await page.getByRole('button', { name: 'Search' }).click();
}

/** Searches for a child by family name, first given name and postcode (which never finds a shielded child). */
export async function searchByNameAndPostcode(page: Page, child: E2eChild) {
  await page.goto('/staff/search');
  await page.getByLabel('I am working with this child').check();
  await page.getByLabel('Family name').fill(child.familyName);
  await page.getByLabel('Given name (optional)').fill(child.givenNames.split(' ')[0]!);
  await page.getByLabel('Postcode or postcode district').fill(child.postcode);
  await page.getByRole('button', { name: 'Search' }).click();
}
