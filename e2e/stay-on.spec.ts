import { expect, test } from './support/fixtures';
import { citizenEmail, linkOwnRecord } from './support/citizen';
import { expectErrorSummaryFirst } from './support/error-summary';
import { e2eChildren } from './support/fixtures-file';
import { receivedEmails } from './support/mailbox';
import { signInAsDemo } from './support/staff';

test('[CASEWORK] a young person asks to stay on until 25, a caseworker agrees, the young person sees it agreed and the email arrives', async ({ page, browser, expectAccessible }) => {
  test.slow(); // two people's journeys (a page a question), each decision on its own page with its check step, axe on each page
  const child = e2eChildren().stayingOn;
  const email = citizenEmail('staying.on');

  // The young person links their record and asks to stay on.
  await linkOwnRecord(page, child, email);
  await page.getByRole('link', { name: 'Ask to stay on the index until you are 25' }).click();
  await page.getByLabel('I am leaving care, or have left care').check();
  await page.getByLabel('I agree to stay on the Children’s Index until I am 25').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();
  const reference = (await page.locator('.govuk-panel__body strong').textContent())!;
  expect(reference).toMatch(/^SO-/);

  // The index team finds it among the council's requests to stay on.
  const staff = await (await browser.newContext()).newPage();
  await signInAsDemo(staff, 'demo.caseworker');
  await staff.getByRole('link', { name: 'Requests to stay on until 25' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Requests to stay on until 25');
  await expectAccessible(staff);
  await staff.getByRole('link', { name: reference }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Stay on the index until 25');
  await expect(staff.locator('.govuk-summary-list')).toContainText(`${child.givenNames} ${child.familyName}`);
  await expect(staff.locator('.govuk-summary-list')).toContainText('Care leaver');
  await expectAccessible(staff);

  // Refusing, on its own page, needs a reason; the page says so at the top.
  await staff.getByRole('button', { name: 'Refuse the request' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Refuse the request');
  await staff.getByRole('button', { name: 'Refuse the request' }).click();
  await expect(staff.locator('.govuk-error-summary')).toContainText('Enter the reason');
  await expectErrorSummaryFirst(staff);
  await expectAccessible(staff);
  await staff.getByRole('link', { name: 'Back to the request' }).click();

  // Agreeing has a check step: what is agreed, on whose consent, until when.
  await staff.getByRole('button', { name: 'Agree to the request' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Check before you agree to the request');
  await expect(staff.locator('.govuk-summary-list')).toContainText('Care leaver');
  await expectAccessible(staff);
  await staff.getByRole('button', { name: 'Agree: keep the record until 25' }).click();
  await expect(staff.getByText('The request has been agreed.')).toBeVisible();
  await staff.getByLabel('Status').selectOption('approved');
  await staff.getByRole('button', { name: 'Show requests' }).click();
  await expect(staff.getByRole('row').filter({ hasText: reference })).toContainText('Agreed');
  await expectAccessible(staff);

  // The young person sees it agreed, and was told by email with only the reference.
  await page.goto('/portal/requests');
  const card = page.locator('.govuk-summary-card').filter({ hasText: reference });
  await expect(card).toContainText('Agreed');
  await expect(card).toContainText('Your record will stay on the index until you are 25.');
  await expectAccessible();
  await expect.poll(() => receivedEmails().find((e) => e.to.includes(email) && e.subject.includes(reference))?.text ?? '').toContain('until you are 25');
  const told = receivedEmails().find((e) => e.to.includes(email) && e.subject.includes(reference))!;
  expect(`${told.subject} ${told.text}`).not.toContain(child.familyName);
  await staff.context().close();
});

test('[CASEWORK] the archive is looked up by index number with a reason, and a live record is not in it', async ({ page, expectAccessible }) => {
  const child = e2eChildren().stayingOn;
  await signInAsDemo(page, 'demo.caseworker');
  await page.getByRole('link', { name: 'Archive' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive');
  await expectAccessible();

  await page.getByRole('button', { name: 'Find the record' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the index number');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select why you need to see this record');
  await expectAccessible();
  // The box for another reason shows only when that reason is chosen.
  await expect(page.getByLabel('Your reason')).toBeHidden();
  await page.getByLabel('Another reason (say what)').check();
  await expect(page.getByLabel('Your reason')).toBeVisible();

  await page.getByLabel('Index number').fill(child.indexNumber.toLowerCase());
  await page.getByLabel('A subject access request').check();
  await page.getByRole('button', { name: 'Find the record' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('That record is on the live index, not in the archive');
});
