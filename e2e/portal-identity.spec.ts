import { expect, test } from './support/fixtures';
import { citizenEmail, receivedCode, signInAsCitizen, stateIdentity } from './support/citizen';
import { e2eChildren } from './support/fixtures-file';
import { emailsOnceSettled, receivedEmails } from './support/mailbox';

const PRINT_ROOM = 'print-room@childrens-index.localhost';

/** One letter left out, as people type in a hurry. */
const misspelt = (name: string) => (name.length >= 4 ? name.slice(0, 2) + name.slice(3) : name);

test('[CITIZEN] a young person who misspells their name still gets a code by post, enters it and lands on their records', async ({ page, expectAccessible }) => {
  const { teen } = e2eChildren();
  await signInAsCitizen(page, citizenEmail('teen'));
  await page.getByRole('link', { name: 'Link a record to your account' }).click();
  // One thing a page, whose record first; a parent is told before anything else that a child of 12 or over decides.
  await expect(page.getByRole('heading', { name: 'Whose record do you want to see?' })).toBeVisible();
  await expect(page.getByText('If your child is 12 or over, you can see their record only if they agree')).toBeVisible();
  await expectAccessible();

  const mailBefore = receivedEmails().length;
  await stateIdentity(page, { ...teen, familyName: misspelt(teen.familyName) });
  await expect(page.getByText('If the details you gave match a record, we are sending you a code by post')).toBeVisible();
  await expectAccessible();

  // The print room's copy carries the letter as a PDF; its words do not hold the code.
  const code = await receivedCode(PRINT_ROOM, mailBefore);
  const copy = receivedEmails().slice(mailBefore).find((e) => e.to.includes(PRINT_ROOM))!;
  expect(copy.attachments?.map((a) => a.contentType)).toEqual(['application/pdf']);
  expect(copy.text).not.toContain(code.slice(0, 5));

  await page.getByLabel('Code').fill('ABC');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the 10 letters and numbers of the code');
  await page.getByLabel('Code').fill(code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('That code is not right. You have 2 more tries.');
  await expectAccessible();

  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Record linked' })).toBeVisible();
  await expect(page.locator('.govuk-panel__body')).toHaveText('Your record is now linked to your account');
  await expectAccessible();
  await page.getByRole('button', { name: 'Go to your records' }).click();
  await expect(page).toHaveURL(/\/portal\/records$/);
  await expect(page.getByRole('link', { name: 'Your record' })).toBeVisible();

  // The code worked once.
  await page.goto('/portal/link-record/code');
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('There is no code waiting for you');
});

test('[CITIZEN] details that match no record get the same answer as any other, and no code', async ({ page }) => {
  await signInAsCitizen(page, citizenEmail('nobody'));
  const mailBefore = receivedEmails().length;
  await stateIdentity(page, { id: '', indexNumber: '', givenNames: 'Nobody', familyName: 'Nonesuch', dateOfBirth: '2011-02-03', postcode: 'ZZ9 9ZZ' });
  await expect(page.getByText('If the details you gave match a record, we are sending you a code by post')).toBeVisible();
  await page.getByLabel('Code').fill('2222222222');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('There is no code waiting for you');
  expect((await emailsOnceSettled()).slice(mailBefore).filter((e) => /code/i.test(e.subject))).toHaveLength(0);
});
