import { expect, test } from './support/fixtures';

test.describe('[PUBLIC] information pages', () => {
  test('the start page explains the service and offers both ways in', async ({ page, expectAccessible }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Children’s Index').first()).toBeVisible();
    // GOV.UK's start button is a link styled and announced as a button.
    await expect(page.getByRole('button', { name: /sign in to see your record/i })).toHaveAttribute('href', '/portal');
    await expect(page.getByRole('link', { name: /staff sign in/i })).toHaveAttribute('href', '/staff/sign-in');
    await expectAccessible();
  });

  test('the privacy notice says how long records are kept and what rights people have', async ({ page, expectAccessible }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: /privacy/i }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/privacy/i);
    await expect(page.getByText(/18/).first()).toBeVisible();
    await expect(page.getByText(/one calendar month/i).first()).toBeVisible();
    await expectAccessible();
  });

  test('the accessibility statement is reachable from every page footer', async ({ page, expectAccessible }) => {
    await page.goto('/privacy');
    await page.getByRole('contentinfo').getByRole('link', { name: /accessibility/i }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/accessibility/i);
    await expect(page.getByText(/WCAG 2\.2/).first()).toBeVisible();
    await expectAccessible();
  });

  test('an unknown address shows the GOV.UK page-not-found pattern, not a stack trace', async ({ page, expectAccessible }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/page not found/i);
    await expectAccessible();
  });

  test('every response carries the security headers', async ({ request }) => {
    const response = await request.get('/');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-powered-by']).toBeUndefined();
  });

  test('the health check reports the database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

test('[PUBLIC] the portal start page says who can see what and leads to sign-in', async ({ page, expectAccessible }) => {
  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('See your record or your child’s record');
  await expectAccessible();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page).toHaveURL(/\/portal\/sign-in$/);
});
