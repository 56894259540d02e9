import { readFileSync } from 'node:fs';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { searchByNameAndBirth } from './support/search';
import { signInAsDemo } from './support/staff';

const CSV_HEADER = 'Event,When (UK time),When (UTC),Who,User name,Role,Organisation,Action,Action code,Reason,Index numbers,Outcome';

test('[AUDIT] an access manager sees who looked at a child, opens the search and downloads the events', async ({ page, expectAccessible }) => {
  test.slow(); // two sign-ins, each of which may wait for its token's next code
  const { ordinary: child } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  await searchByNameAndBirth(page, child);
  await page.getByRole('link', { name: `${child.givenNames} ${child.familyName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);

  await page.context().clearCookies();
  await signInAsDemo(page, 'demo.admin');
  await page.getByRole('link', { name: 'Audit trail: who looked at what' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit trail');
  await expectAccessible();

  await page.getByLabel('Child’s index number').fill(formatIndexNumber(child.indexNumber));
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page).toHaveURL(/indexNumber=/);
  const view = page.locator('tbody tr').filter({ hasText: 'Viewed a record' }).filter({ hasText: 'Priya Shah (teacher)' });
  await expect(view.first()).toContainText('I am working with this child');
  await expect(view.first()).toContainText(formatIndexNumber(child.indexNumber));
  // What the teacher typed stays out of the list (and out of the address).
  await expect(page.locator('tbody')).not.toContainText(child.dateOfBirth);
  expect(page.url()).not.toContain(child.familyName);
  await expectAccessible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download these events as a spreadsheet (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.split('\r\n');
  expect(header).toBe(CSV_HEADER);
  expect(rows.some((row) => row.includes(',Priya Shah (teacher),demo.teacher,Practitioner,') && row.includes(',Viewed a record,child.view,'))).toBe(true);
  expect(csv).not.toContain(child.familyName);

  // "What did this user do", from the row; then the search itself, with what was typed.
  await view.first().getByRole('link', { name: /Priya Shah \(teacher\)/ }).click();
  await expect(page).toHaveURL(/username=demo.teacher/);
  await page.locator('tbody tr').filter({ hasText: 'Searched for a child' }).first().getByRole('link', { name: /Details/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Searched for a child');
  await expect(page.locator('main')).toContainText(child.familyName);
  await expectAccessible();
});

test('[AUDIT] a practitioner may not read the audit trail', async ({ page }) => {
  await signInAsDemo(page, 'demo.sexualhealth');
  await expect(page.getByRole('link', { name: /Audit trail/ })).toHaveCount(0);
  for (const path of ['/staff/audit', '/staff/audit/events/1', '/staff/audit/export']) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
});
