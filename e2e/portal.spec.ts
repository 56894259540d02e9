import { expect, test } from './support/fixtures';
import { citizenEmail, openLinkedRecord, receivedCode, signInAsCitizen, stateIdentity } from './support/citizen';
import { e2eChildren } from './support/fixtures-file';
import { emailsOnceSettled, receivedEmails } from './support/mailbox';

test('[CITIZEN] signs in with a link sent by email; the link works once', async ({ page, expectAccessible }) => {
  await page.goto('/portal');
  await expectAccessible();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter your email address');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter an email address in the correct format');
  await expectAccessible();

  const email = citizenEmail('young.person');
  await signInAsCitizen(page, email);
  await expect(page.getByRole('heading', { name: 'Your records' })).toBeVisible();
  await expect(page.getByText('You have not linked a record to your account yet.')).toBeVisible();
  await expectAccessible();

  // The same link again is refused: it was used up by signing in.
  const used = /https?:\/\/\S+\/api\/citizen-auth\/callback\/nodemailer\S+/.exec(receivedEmails().find((e) => e.to.includes(email))!.text)![0];
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(used);
  await expect(page).toHaveURL(/\/portal\/sign-in/);
  await expect(page.getByText('That sign-in link has expired or has been used already')).toBeVisible();
  await page.goto('/portal/records');
  await expect(page).toHaveURL(/\/portal\/sign-in/);
});

test('[CITIZEN] signing out ends the session on the server: a copy of its cookie opens nothing afterwards', async ({ page, browser }) => {
  await signInAsCitizen(page, citizenEmail('signs.out'));
  const cookies = await page.context().cookies();
  const elsewhere = await browser.newContext();
  try {
    await elsewhere.addCookies(cookies);
    const copy = await elsewhere.newPage();
    await copy.goto('/portal/records');
    await expect(copy.getByRole('heading', { name: 'Your records' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await copy.goto('/portal/records');
    await expect(copy).toHaveURL(/\/portal\/sign-in/);
  } finally {
    await elsewhere.close();
  }
});

const PRINT_ROOM = 'print-room@childrens-index.localhost';

test('[CITIZEN] a young person proves who they are with the posted code, sees the record and asks for a correction', async ({ page, expectAccessible }) => {
  test.slow(); // the whole journey, with an axe check (best practice included) of each of its nine pages
  const { youngPerson: child } = e2eChildren();
  await signInAsCitizen(page, citizenEmail('young'));
  await page.getByRole('link', { name: 'Link a record to your account' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select whether the record is yours or your child’s');
  await expectAccessible();

  const mailBefore = receivedEmails().length;
  await stateIdentity(page, child);
  // A young person's code always comes by post: the page says so, and roughly when.
  await expect(page.getByText('If the details you gave match a record, we are sending you a code by post')).toBeVisible();
  await expect(page.getByText(/The letter should arrive by \d{1,2} [A-Z][a-z]+ \d{4}/)).toBeVisible();
  await expectAccessible();
  const code = await receivedCode(PRINT_ROOM, mailBefore);
  await page.getByLabel('Code').fill('2222222222');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('You have 2 more tries');
  await page.getByLabel('Code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await openLinkedRecord(page);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  await expect(page.getByText(child.postcode).first()).toBeVisible();
  // The record speaks to its reader: who has looked at it comes first, then "About you", the index number explained.
  const sections = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(sections.indexOf('Who has looked at your record')).toBeGreaterThanOrEqual(0);
  expect(sections.indexOf('Who has looked at your record')).toBeLessThan(sections.indexOf('About you'));
  await expect(page.getByText('Every child on the index has a number of their own')).toBeVisible();
  await expect(page.getByText(/last confirmed/).first()).toBeVisible();
  await expectAccessible();

  await page.getByRole('link', { name: 'Choose whether your parents or carers can see your record' }).click();
  await expect(page.getByRole('heading', { name: 'Who else can see your record' })).toBeVisible();
  await expectAccessible();
  await page.getByRole('link', { name: 'Back to your record' }).click();

  await page.getByRole('link', { name: 'Ask for something to be corrected' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select what is wrong');
  await expectAccessible();
  // An address is asked for as an address, so that the index team can approve it as it stands.
  await page.getByLabel(/^Address:/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'What is the right address?' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  for (const message of ['Enter the first line of the address', 'Enter the town or city', 'Enter the postcode']) {
    await expect(page.locator('.govuk-error-summary')).toContainText(message);
  }
  await expectAccessible();
  await page.getByLabel('Address line 1').fill('Flat 2, 12 Orchard Way');
  await page.getByLabel('Town or city').fill('Leeds');
  await page.getByLabel('Postcode').fill('ls62ab');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check your answers before sending your request' })).toBeVisible();
  await expect(page.locator('.govuk-summary-list')).toContainText('Flat 2, 12 Orchard Way, Leeds, LS6 2AB');
  await expectAccessible();
  await page.getByRole('button', { name: 'Send request' }).click();

  await expect(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();
  const reference = (await page.locator('.govuk-panel__body strong').textContent())!;
  expect(reference).toMatch(/^CR-/);
  await expectAccessible();
  await expect.poll(() => receivedEmails().some((e) => e.subject === `We have received your request ${reference}`)).toBe(true);
  await page.getByRole('link', { name: 'See your requests' }).click();
  await expect(page.locator('.govuk-summary-card').filter({ hasText: reference })).toContainText('Received');
  await expectAccessible();
});

test('[CITIZEN] a parent of a young child gets the code by email and sees the record; shielded details get the neutral answer', async ({ page, expectAccessible }) => {
  const { smallChild: child, shielded } = e2eChildren();
  await signInAsCitizen(page, citizenEmail('parent'));
  const mailBefore = receivedEmails().length;
  await stateIdentity(page, child, { givenNames: child.parentGivenNames, familyName: child.parentFamilyName });
  const code = await receivedCode(child.parentEmail, mailBefore);
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await openLinkedRecord(page);
  await expect(page.getByText('Your child’s record')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${child.givenNames} ${child.familyName}`);
  await expectAccessible();
  await page.getByRole('link', { name: 'Ask for something to be corrected' }).click();
  // A parent's name, phone number and email address are items of their own.
  for (const item of [/\(.+\): name: /, /\(.+\): phone number: /, /\(.+\): email address: /]) await expect(page.getByLabel(item).first()).toBeVisible();
  await page.getByLabel(/^Name:/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('What should it be?').fill(`${child.givenNames} ${child.familyName}-Smith`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { name: 'Request sent' })).toBeVisible();

  // Someone who knows a shielded child's details gets the same answer as anyone, and no code.
  const before = receivedEmails().length;
  await stateIdentity(page, shielded);
  await page.getByLabel('Code').fill('2222222222');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('There is no code waiting for you');
  expect((await emailsOnceSettled()).slice(before).filter((e) => /code/i.test(e.subject))).toHaveLength(0);
});
