import { expect, test } from './support/fixtures';
import { citizenEmail, linkOwnRecord, receivedCode, signInAsCitizen } from './support/citizen';
import { e2eChildren } from './support/fixtures-file';
import { receivedEmails } from './support/mailbox';
import { stateIdentity } from './support/citizen';

test('[CITIZEN] a parent of a young person of 12 or over asks to see the record; the young person is told and agrees; the parent is emailed and sees it', async ({ page, browser, expectAccessible }) => {
  test.slow(); // two people sign in by email, and a code comes by post
  const child = e2eChildren().olderChild;

  // The young person has linked their own record.
  const youngEmail = citizenEmail('older.child');
  await linkOwnRecord(page, child, youngEmail);

  // The parent proves who they are (the code comes by email: theirs is on the record) and links the record.
  const parent = await (await browser.newContext()).newPage();
  const parentEmail = citizenEmail('older.parent');
  await signInAsCitizen(parent, parentEmail);
  const mailBefore = receivedEmails().length;
  await stateIdentity(parent, child, { givenNames: child.parentGivenNames, familyName: child.parentFamilyName });
  await expect(parent.getByText('we are sending the code by email')).toBeVisible();
  await parent.getByLabel('Code').fill(await receivedCode(child.parentEmail, mailBefore));
  await parent.getByRole('button', { name: 'Continue' }).click();
  await expect(parent.getByRole('heading', { name: 'Record linked' })).toBeVisible();
  const firstName = child.givenNames.split(' ')[0]!;
  await expect(parent.getByText(`${firstName} is 12 or over, so you can see their record only after they agree`)).toBeVisible();
  await expectAccessible(parent);

  // The parent asks; the young person is emailed, and told when they sign in.
  await parent.getByRole('button', { name: `Ask ${firstName} to let you see their record` }).click();
  await expect(parent).toHaveURL(/\/portal\/records$/);
  await expect(parent.getByText(`You asked ${firstName} on`)).toBeVisible();
  await expectAccessible(parent);
  await expect.poll(() => receivedEmails().some((e) => e.to.includes(youngEmail) && e.subject === 'Your parent or carer has asked to see your record')).toBe(true);

  await page.goto('/portal/records');
  await expect(page.locator('.govuk-notification-banner')).toContainText(`${child.parentGivenNames} ${child.parentFamilyName} asked to see your record`);
  await expectAccessible();
  await page.getByRole('link', { name: 'Choose who can see it' }).click();
  await expect(page.getByText(/Asked on \d{1,2} [A-Z][a-z]+ \d{4}/)).toBeVisible();
  await expectAccessible();
  await page.getByRole('button', { name: `Let them see it (${child.parentGivenNames} ${child.parentFamilyName})` }).click();
  await expect(page.getByText('Can see your record', { exact: true })).toBeVisible();

  // The parent is emailed, and now sees the record.
  await expect.poll(() => receivedEmails().some((e) => e.to.includes(parentEmail) && e.subject === 'Your child has agreed that you can see their record')).toBe(true);
  await parent.goto('/portal/records');
  await parent.getByRole('link', { name: `${firstName}’s record` }).click();
  await expect(parent.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  await expect(parent.getByRole('heading', { name: `Who has looked at ${firstName}’s record` })).toBeVisible();
  await parent.context().close();
});
