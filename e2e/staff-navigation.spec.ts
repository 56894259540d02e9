import { expect, test } from './support/fixtures';
import { signInAsDemo } from './support/staff';

test('[STAFF] every staff page has the service navigation of the signed-in role, with sign out', async ({ page, expectAccessible }) => {
  await signInAsDemo(page, 'demo.caseworker');
  const menu = page.getByRole('navigation', { name: 'Menu' });
  const places: [string, string][] = [
    ['/staff', 'Your account'],
    ['/staff/search', 'Find a child'],
    ['/staff/casework/alerts', 'Casework'],
    ['/staff/audit', 'Audit trail'],
  ];
  for (const [path, current] of places) {
    await page.goto(path);
    await expect(menu.getByRole('link')).toHaveText(['Find a child', 'Casework', 'Audit trail', 'Your account']);
    await expect(menu.getByRole('link', { name: current })).toHaveAttribute('aria-current', path === '/staff/casework/alerts' ? 'true' : 'page');
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }
  await expectAccessible();

  await menu.getByRole('link', { name: 'Find a child' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a child');
  await expect(menu.getByRole('link', { name: 'Find a child' })).toHaveAttribute('aria-current', 'page');
  await menu.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?ended=revoked/);
  await expect(menu).toHaveCount(0);
  await page.goto('/staff/search');
  await expect(page).toHaveURL(/\/staff\/sign-in/);

  // An access manager's places are their own.
  await signInAsDemo(page, 'demo.admin');
  await expect(menu.getByRole('link')).toHaveText(['Staff accounts', 'Organisations', 'Audit trail', 'Your account']);
  await page.goto('/staff/admin/organisations');
  await expect(menu.getByRole('link', { name: 'Organisations' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: 'Staff accounts' })).not.toHaveAttribute('aria-current');
  await expectAccessible();
});

test('[STAFF] the public pages and the sign-in page have no staff navigation', async ({ page }) => {
  for (const path of ['/', '/staff/sign-in', '/portal/sign-in']) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
  }
});
