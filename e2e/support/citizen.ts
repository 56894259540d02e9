import { expect, type Page } from '@playwright/test';
import { readLetterText } from '@/testing/read-letter-text';
import type { E2eChild } from './fixtures-file';
import { receivedEmails } from './mailbox';

/** A fresh address per test, so that each test reads only its own mail. */
export const citizenEmail = (label: string) => `${label}.${Date.now().toString(36)}@example.com`;

/** Asks for a sign-in link, reads it from the test SMTP listener's mailbox and follows it; returns the link. */
export async function signInAsCitizen(page: Page, email: string): Promise<string> {
  await page.goto('/portal/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  // The service's own page, not one under /api, and it says where the link went.
  await expect(page).toHaveURL(/\/portal\/check-your-email$/);
  await expect(page.getByText(`We have sent a link to sign in to ${email}`)).toBeVisible();
  let link = '';
  await expect
    .poll(() => {
      const mail = receivedEmails().find((e) => e.to.includes(email) && e.subject === 'Your link to sign in to the Children’s Index');
      link = mail ? (/https?:\/\/\S+\/api\/citizen-auth\/callback\/nodemailer\S+/.exec(mail.text)?.[0] ?? '') : '';
      return link;
    })
    .not.toBe('');
  await page.goto(link);
  await expect(page).toHaveURL(/\/portal\/records$/);
  return link;
}

/** Answers "Whose record do you want to see?" and the questions after it, one a page, for a child from the fixtures. */
export async function stateIdentity(page: Page, child: E2eChild, parent?: { givenNames: string; familyName: string }) {
  await page.goto('/portal/link-record');
  await page.getByLabel(parent ? 'My child’s record' : 'My own record', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  if (parent) {
    await page.getByLabel('Your first name').fill(parent.givenNames.split(' ')[0]!);
    await page.getByLabel('Your last name').fill(parent.familyName);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByLabel('First name', { exact: true }).fill(child.givenNames.split(' ')[0]!);
  await page.getByLabel('Last name', { exact: true }).fill(child.familyName);
  await page.getByRole('button', { name: 'Continue' }).click();
  const [year, month, day] = child.dateOfBirth.split('-');
  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Postcode', { exact: true }).fill(child.postcode.toLowerCase().replace(' ', ''));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
}

const PRINTED_CODE = /\b([2-9A-HJKMNP-TV-Z]{5} [2-9A-HJKMNP-TV-Z]{5})\b/;

/**
 * The newest activation code that reached `to` at the test SMTP listener: read from the PDF letter attached to the
 * print room's copy (the code is written nowhere else), or from the words of an email to a parent.
 */
export async function receivedCode(to: string, after: number): Promise<string> {
  let code = '';
  await expect
    .poll(() => {
      const mail = receivedEmails().slice(after).reverse().find((e) => e.to.includes(to) && /code/i.test(e.subject));
      const letters = (mail?.attachments ?? []).filter((a) => a.contentType === 'application/pdf');
      const lines = [mail?.text ?? '', ...letters.flatMap((a) => readLetterText(Buffer.from(a.base64, 'base64')))];
      code = lines.map((line) => PRINTED_CODE.exec(line)?.[1]).find(Boolean) ?? '';
      return code;
    })
    .not.toBe('');
  return code;
}

/** From "Record linked", after a right code, on to the record itself. */
export async function openLinkedRecord(page: Page) {
  await expect(page.getByRole('heading', { name: 'Record linked' })).toBeVisible();
  await page.getByRole('link', { name: /^See .*record$/ }).click();
}

const PRINT_ROOM = 'print-room@childrens-index.localhost';

/** A young person signs in at a fresh address and links their own record with the code posted to them, ending on the record. */
export async function linkOwnRecord(page: Page, child: E2eChild, email: string) {
  await signInAsCitizen(page, email);
  const mailBefore = receivedEmails().length;
  await stateIdentity(page, child);
  await page.getByLabel('Code').fill(await receivedCode(PRINT_ROOM, mailBefore));
  await page.getByRole('button', { name: 'Continue' }).click();
  await openLinkedRecord(page);
}
