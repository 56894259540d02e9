import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { TITLE_SUFFIX } from '@/app/_components/page-title';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Fixtures = {
  /**
   * Fails the test if the page has any WCAG 2.2 A or AA violation, or breaks a best practice, that axe-core can
   * detect; or if its title does not end as every title does, or (with JavaScript) does not start with "Error: "
   * exactly while it shows errors.
   */
  expectAccessible: (page?: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => {
    // A console error or an uncaught exception in the browser fails the test.
    const problems: string[] = [];
    page.on('console', (message) => {
      // A failed resource is reported below with its address; the page's own expected 404 is not a problem.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('response', (response) => {
      const isPage = response.request().resourceType() === 'document';
      if (!isPage && response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use(page);
    expect(problems, 'the browser reported errors').toEqual([]);
  },
  expectAccessible: async ({ page }, use) => {
    await use(async (target = page) => {
      // After a client-side navigation Next.js sets the title a moment later; every page must have one.
      await expect(target).toHaveTitle(/\S/);
      await expect(target).toHaveTitle(new RegExp(`\\S${escapeRegExp(TITLE_SUFFIX)}$`));
      // "Error: " is put in front by the browser's script (app/_components/form/error-summary.tsx says why), so only
      // where scripts run: GOV.UK Frontend's template script marks the body then.
      if ((await target.locator('body.js-enabled').count()) > 0) {
        const showsErrors = (await target.locator('.govuk-error-summary').count()) > 0;
        await expect(target).toHaveTitle(showsErrors ? /^Error: / : /^(?!Error: )/);
      }
      const results = await new AxeBuilder({ page: target })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary, 'accessibility violations').toEqual([]);
    });
  },
});

export { expect };
