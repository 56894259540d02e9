import { expect, test } from './support/fixtures';
import { citizenEmail, linkOwnRecord } from './support/citizen';
import { expectErrorSummaryFirst } from './support/error-summary';
import { e2eChildren } from './support/fixtures-file';
import { receivedEmails } from './support/mailbox';
import { signInAsDemo } from './support/staff';

test('[CASEWORK] a young person asks for their address to be corrected, a caseworker approves, the record changes and the email arrives', async ({ page, browser, expectAccessible }) => {
  test.slow(); // two people's journeys (a page a question), each decision on its own page with its check step, axe on each page
  const child = e2eChildren().corrected;
  const email = citizenEmail('casework');

  // The young person links their record and asks for the correction.
  await linkOwnRecord(page, child, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  const recordUrl = page.url();
  await page.getByRole('link', { name: 'Ask for something to be corrected' }).click();
  await page.getByLabel(/^Address:/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Address line 1').fill('27 Quarry Bank Road');
  await page.getByLabel('Town or city').fill('Leeds');
  await page.getByLabel('Postcode').fill('LS6 4QT');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send request' }).click();
  const reference = (await page.locator('.govuk-panel__body strong').textContent())!;

  // The index team finds it in the queue and approves it as asked.
  const staff = await (await browser.newContext()).newPage();
  await signInAsDemo(staff, 'demo.caseworker');
  await staff.getByRole('link', { name: 'Correction requests' }).click();
  await expectAccessible(staff);
  const row = staff.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText(`${child.givenNames} ${child.familyName}`);
  await expect(row).toContainText('The young person');
  await staff.getByRole('link', { name: reference }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Address');
  await expect(staff.locator('.govuk-summary-list').first()).toContainText('27 Quarry Bank Road, Leeds, LS6 4QT');
  await expectAccessible(staff);

  // The queue named the child and who asked; the request offers one decision per page.
  await staff.getByRole('link', { name: 'Approve the change' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Correct the record');
  // The form holds the address as it was asked for, field by field: approving it as it stands needs nobody else.
  await expect(staff.getByLabel('Address line 1')).toHaveValue('27 Quarry Bank Road');
  await expect(staff.getByLabel('Town or city')).toHaveValue('Leeds');
  await expect(staff.getByLabel('Postcode')).toHaveValue('LS6 4QT');
  await staff.getByLabel('Postcode').fill('');
  await staff.getByRole('button', { name: 'Continue' }).click();
  await expect(staff.locator('.govuk-error-summary')).toContainText('Enter the postcode');
  await expectErrorSummaryFirst(staff);
  await expectAccessible(staff);
  await staff.getByLabel('Postcode').fill('LS6 4QQ');
  await staff.getByRole('button', { name: 'Continue' }).click();

  // The check step shows the change back; "Change" returns to the form with it.
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Check the change before you approve it');
  await expect(staff.locator('.govuk-summary-list')).toContainText('LS6 4QQ');
  await expectAccessible(staff);
  await staff.getByRole('button', { name: 'Change postcode' }).click();
  await expect(staff.getByLabel('Postcode')).toHaveValue('LS6 4QQ');
  await staff.getByLabel('Postcode').fill('LS6 4QT');
  await staff.getByRole('button', { name: 'Continue' }).click();
  await expect(staff.locator('.govuk-summary-list')).toContainText('LS6 4QT');
  await staff.getByRole('button', { name: 'Approve this change' }).click();
  await expect(staff.locator('.govuk-notification-banner')).toContainText('The record has been corrected');
  await expect(staff.getByText('Corrected', { exact: true })).toBeVisible();
  await expect(staff.locator('.govuk-table')).toContainText(`Correction ${reference}`);
  await expectAccessible(staff);

  // The young person sees the corrected record and the decision; the email reached the mail server.
  await page.goto(recordUrl);
  await expect(page.getByText('27 Quarry Bank Road').first()).toBeVisible();
  await expect(page.getByText('LS6 4QT').first()).toBeVisible();
  await page.goto('/portal/requests');
  await expect(page.locator('.govuk-summary-card').filter({ hasText: reference })).toContainText('Corrected');
  await expect
    .poll(() => receivedEmails().find((e) => e.to.includes(email) && e.subject === `We have corrected the record: request ${reference}`)?.text ?? '')
    .toContain(reference);
  const decision = receivedEmails().find((e) => e.subject === `We have corrected the record: request ${reference}`)!;
  expect(decision.text).not.toContain('Quarry Bank');
});
