import { demoApiClient } from '@/lib/reference/demo-credentials';
import { LOAD_COLUMNS } from '@/lib/loads/load-columns';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { fillDate, searchByNameAndPostcode } from './support/search';
import { signInAsDemo } from './support/staff';

test('[SEARCH] a practitioner finds a child from a misspelt name and sees why it matched', async ({ page, expectAccessible }) => {
  const { ordinary: child } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  await page.getByRole('main').getByRole('link', { name: 'Find a child' }).click();
  await expectAccessible();

  // Every missing answer is reported at once.
  await page.getByRole('button', { name: 'Search' }).click();
  const errors = page.locator('.govuk-error-summary');
  await expect(errors).toContainText('Select why you are searching');
  await expect(errors).toContainText('Enter a family name');
  await expectAccessible();

  // The box for another reason shows only once that reason is chosen, and is needed only then.
  const ownReason = page.getByLabel('Your reason');
  await expect(ownReason).toBeHidden();
  await page.getByLabel('Another reason (say what)').check();
  await expect(ownReason).toBeVisible();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(errors).toContainText('Say why you are searching');
  await expect(errors).toContainText('Enter a family name');
  await page.getByLabel('I am working with this child').check();
  await expect(ownReason).toBeHidden();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(errors).toContainText('Enter a family name');
  await expect(errors).not.toContainText('Say why you are searching');

  const misspelt = child.familyName.slice(0, 2) + child.familyName.slice(3); // one letter missed out
  await page.getByLabel('I am working with this child').check();
  await page.getByLabel('Family name').fill(misspelt);
  await page.getByLabel('Given name (optional)').fill(child.givenNames.split(' ')[0]!);
  await fillDate(page, child.dateOfBirth);
  await page.getByRole('button', { name: 'Search' }).click();

  // The focus and the view go to the results, at an address that holds only the search's number.
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeFocused();
  await expect(page).toHaveURL(/\/staff\/search\?results=\d+#results$/);
  const row = page.getByRole('row').filter({ hasText: `${child.givenNames} ${child.familyName}` });
  await expect(row).toBeVisible();
  await expect(row).toContainText('family name one letter different');
  await expect(row).toContainText('date of birth matches');
  await expect(row).toContainText(child.postcode.split(' ')[0]!);
  await expect(row).not.toContainText(child.postcode);
  await expectAccessible();

  // From the record, and from a page beyond it, back to the same results, with the search as it was typed.
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  await page.getByRole('link', { name: 'Record that you work with this child' }).click();
  await page.getByRole('link', { name: 'Back to the record' }).click();
  await page.getByRole('link', { name: 'Back to search results' }).click();
  await expect(page).toHaveURL(/\/staff\/search\?results=\d+#results$/);
  expect(page.url()).not.toContain(child.familyName.slice(0, 2));
  await expect(page.getByRole('row').filter({ hasText: `${child.givenNames} ${child.familyName}` })).toContainText('family name one letter different');
  await expect(page.getByLabel('Family name')).toHaveValue(misspelt);
  await expect(page.getByLabel('I am working with this child')).toBeChecked();
  await expectAccessible();
});

test('[SEARCH] someone else’s search results are not shown', async ({ page, browser }) => {
  const { ordinary: child } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  await searchByNameAndPostcode(page, child);
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeVisible();
  const results = page.url();

  const other = await browser.newPage();
  await signInAsDemo(other, 'demo.socialworker');
  const response = await other.goto(results);
  expect(response!.status()).toBe(404);
  await expect(other.locator('main')).not.toContainText(child.familyName);
  await other.close();
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

test('[SEARCH] when many children are alike and none has the names given, the page says there is no close match and what to add', async ({ page, request, expectAccessible }) => {
  const { correctionNotice } = e2eChildren();
  // A dozen children of one family name, born on one day, sent by a source as a load (the family name is this run's own).
  const familyName = `Alikeson${Date.now().toString(36).replace(/[0-9]/g, 'q')}`;
  const dateOfBirth = '2016-02-13';
  const givens = ['Grace', 'Amelia', 'Isla', 'Freya', 'Ava', 'Mia', 'Poppy', 'Ivy', 'Rosie', 'Evie', 'Sophia', 'Lily'];
  const row = (values: Record<string, string>) => LOAD_COLUMNS.map((c) => values[c] ?? '').join(',');
  const file = [
    LOAD_COLUMNS.join(','),
    ...givens.map((given, i) =>
      row({ source_system: correctionNotice.sourceSystem, source_person_id: `ALIKE-${familyName}-${i}`, given_names: given, family_name: familyName, gender: 'F', date_of_birth: dateOfBirth, address_line1: `${i + 1} Alike Street`, town: 'Testbury', postcode: `LS${i + 1} 4AZ` }),
    ),
  ].join('\n');
  const headers = { authorization: `Bearer ${demoApiClient().key}`, 'content-type': 'text/csv' };
  const sent = await request.post(`/api/v1/loads?source=${encodeURIComponent(correctionNotice.sourceSystem)}&asOf=2026-11-30&fileName=${familyName}.csv`, { headers, data: file });
  expect(sent.status()).toBe(202);
  await expect
    .poll(async () => (await (await request.get(sent.headers().location!, { headers })).json()).status, { timeout: 45_000, intervals: [250, 500, 1000] })
    .toBe('done');

  await signInAsDemo(page, 'demo.teacher');
  const searchFor = async (givenName: string) => {
    await page.goto('/staff/search');
    await page.getByLabel('I am working with this child').check();
    await page.getByLabel('Family name').fill(familyName);
    await page.getByLabel('Given name (optional)').fill(givenName);
    await fillDate(page, dateOfBirth);
    await page.getByRole('button', { name: 'Search' }).click();
  };
  await searchFor('Ottilie');
  const status = page.getByRole('status');
  await expect(status).toContainText('No close match.');
  await expect(status).toContainText('No child on the index has the names you gave');
  await expect(status).toContainText('add the postcode');
  await expect(page.getByText('Too many children match')).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible();

  // Without a given name all twelve agree on the name given: then it is rightly too many, and the given name narrows it.
  await searchFor('');
  await expect(page.getByText('Too many children match')).toBeVisible();
});
