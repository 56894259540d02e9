import { demoApiClient } from '@/db/seed/demo-credentials';
import { LOAD_COLUMNS } from '@/lib/loads/load-columns';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { signInAsDemo } from './support/staff';

const UPLOAD = '/api/v1/loads';

/** A load file of two rows: a child no one holds (its family name is unique to this run), and one with a bad date. */
function loadFile(source: string, familyName: string): string {
  const row = (values: Record<string, string>) => LOAD_COLUMNS.map((c) => values[c] ?? '').join(',');
  const child = { source_system: source, given_names: 'Ottoline', family_name: familyName, gender: 'F', address_line1: '1 Loader Row', town: 'Testbury', postcode: 'LS6 2QT' };
  return [LOAD_COLUMNS.join(','), row({ ...child, source_person_id: 'E2E-1', date_of_birth: '2015-04-07' }), row({ ...child, source_person_id: 'E2E-2', date_of_birth: '2015-02-30' })].join('\n');
}

test.describe('[CASEWORK] source loads', () => {
  test('a system client uploads a load, the same file again changes nothing, and the index team sees its outcome and reject report', async ({ request, page, expectAccessible }) => {
    const { correctionNotice } = e2eChildren();
    const familyName = `Loadington${Date.now().toString(36).replace(/[0-9]/g, 'x')}`;
    const fileName = `e2e-${familyName}.csv`;
    const body = loadFile(correctionNotice.sourceSystem, familyName);
    const headers = { authorization: `Bearer ${demoApiClient().key}`, 'content-type': 'text/csv' };
    const address = `${UPLOAD}?source=${encodeURIComponent(correctionNotice.sourceSystem)}&asOf=2026-11-30&fileName=${fileName}`;

    const refused = await request.post(address, { headers: { 'content-type': 'text/csv' }, data: body });
    expect(refused.status()).toBe(401);

    const sent = await request.post(address, { headers, data: body });
    expect(sent.status()).toBe(201);
    const load = await sent.json();
    expect(load).toMatchObject({ alreadyReceived: false, status: 'done', counts: { rows: 2, rejected: 1, created: 1 } });
    expect(load.rejects).toEqual([{ rowNumber: 3, field: 'date_of_birth', reason: expect.stringMatching(/not a real date/) }]);

    const again = await request.post(address, { headers, data: body });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ alreadyReceived: true, id: load.id, counts: load.counts });

    const malformed = await request.post(`${UPLOAD}?source=${encodeURIComponent(correctionNotice.sourceSystem)}`, { headers, data: body.replace('given_names', 'first_name') });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toMatch(/Nothing was loaded/);

    await signInAsDemo(page, 'demo.caseworker');
    await page.goto('/staff/casework/loads');
    await expect(page.getByRole('heading', { name: 'Source loads' })).toBeVisible();
    await expectAccessible();
    await page.getByRole('link', { name: new RegExp(fileName) }).click();
    await expect(page.getByRole('heading', { name: fileName })).toBeVisible();
    await expect(page.getByText('Done', { exact: true })).toBeVisible();
    const rejects = page.getByRole('table').filter({ hasText: 'Reason' });
    await expect(rejects.getByRole('row').nth(1)).toContainText('date_of_birth');
    await expectAccessible();
  });

  test('a row that resembles a shielded child waits for the index team, who compare and decide it', async ({ request, page, expectAccessible }) => {
    const { correctionNotice, loadShielded: child } = e2eChildren();
    const row = (values: Record<string, string>) => LOAD_COLUMNS.map((c) => values[c] ?? '').join(',');
    const body = [
      LOAD_COLUMNS.join(','),
      row({
        source_system: correctionNotice.sourceSystem,
        source_person_id: `E2E-SHIELDED-${Date.now().toString(36)}`,
        given_names: child.givenNames,
        family_name: child.familyName,
        gender: 'U',
        date_of_birth: child.dateOfBirth,
        address_line1: '1 Loader Row',
        town: 'Testbury',
        postcode: child.postcode,
      }),
    ].join('\n');
    const fileName = `e2e-shielded-${Date.now().toString(36)}.csv`;
    const sent = await request.post(`${UPLOAD}?source=${encodeURIComponent(correctionNotice.sourceSystem)}&asOf=2026-11-30&fileName=${fileName}`, {
      headers: { authorization: `Bearer ${demoApiClient().key}`, 'content-type': 'text/csv' },
      data: body,
    });
    expect(sent.status()).toBe(201);
    // Never linked by itself, never a new unshielded copy: the index team decides.
    expect(await sent.json()).toMatchObject({ counts: { rows: 1, review: 1, linked: 0, created: 0 } });

    await signInAsDemo(page, 'demo.caseworker');
    await page.goto('/staff/casework/loads');
    await page.getByRole('link', { name: new RegExp(fileName) }).click();
    await page.getByRole('link', { name: /^Compare/ }).click();
    await expect(page.getByRole('heading', { name: 'Is this the same child?' })).toBeVisible();
    await expect(page.getByText('The record held is shielded')).toBeVisible();
    await expectAccessible();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('There is a problem');
    await page.getByLabel('The same child: link the row to this record').check();
    await page.getByLabel('Your reason').fill('Same name, date of birth and postcode as the shielded record.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.getByRole('heading', { name: fileName })).toBeVisible();
    await expect(page.getByText('No matches are waiting for a decision.')).toBeVisible();
  });
});
