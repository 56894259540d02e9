import { expect, type Page } from '@playwright/test';

/** The page shows its error summary, and above its main heading, as GOV.UK asks: the first thing a reader meets. */
export async function expectErrorSummaryFirst(page: Page) {
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  const first = await page.evaluate(() => {
    const summary = document.querySelector('.govuk-error-summary');
    const heading = document.querySelector('main h1');
    return Boolean(summary && heading && summary.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(first, 'the error summary comes before the main heading').toBe(true);
}
