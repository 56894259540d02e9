import { expect, type Locator, type Page } from '@playwright/test';

/** GOV.UK Frontend's focus colour (#ffdd00): every focus style of the design system shows it. */
const FOCUS_YELLOW = 'rgb(255, 221, 0)';

/**
 * The focused element is on screen and shows GOV.UK's focus indicator: the yellow outline, box shadow or background,
 * on the element itself or, for a radio or checkbox (whose input is hidden behind its drawn box), on its label's box.
 */
export async function expectVisibleFocus(page: Page) {
  await expect(page.locator(':focus')).toBeVisible();
  const styles = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const seen = [getComputedStyle(element)];
    if (element instanceof HTMLInputElement && ['radio', 'checkbox'].includes(element.type) && element.labels?.[0]) {
      seen.push(getComputedStyle(element.labels[0], '::before'), getComputedStyle(element.labels[0], '::after'));
    }
    return seen.map((s) => `${s.outlineStyle === 'none' ? '' : s.outlineColor} ${s.boxShadow} ${s.backgroundColor}`).join(' | ');
  });
  expect(styles, 'the focused element shows the focus colour').toContain(FOCUS_YELLOW);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking at each stop that the focus can be seen. */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 60 } = {}) {
  await expect(target).toBeAttached();
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${maxPresses} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${target}`);
}

/** Tabs to a field and types into it. */
export async function tabAndType(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** The first Tab on a page reaches the skip link, hidden until then, which shows itself; Enter moves the focus to the main content. */
export async function useSkipLink(page: Page) {
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeAttached();
  await page.keyboard.press('Tab');
  // After a navigation within the app, the browser may start tabbing from where the focus was: back to the top.
  if (!(await skip.evaluate((element) => element === document.activeElement))) await tabTo(page, skip, { backwards: true });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
}
