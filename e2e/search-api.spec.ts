import { demoApiClient } from '@/db/seed/demo-credentials';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { signInAsDemo } from './support/staff';

const ENDPOINT = '/api/v1/children/search';

test.describe('[API] children search', () => {
  test('a system client gets the one confident match, or none', async ({ request }) => {
    const { ordinary: child } = e2eChildren();
    const headers = { authorization: `Bearer ${demoApiClient().key}` };
    const exact = await request.post(ENDPOINT, {
      headers,
      data: { reason: 'working_with_child', familyName: child.familyName, givenName: child.givenNames.split(' ')[0], dateOfBirth: child.dateOfBirth },
    });
    expect(exact.status()).toBe(200);
    expect((await exact.json()).match).toMatchObject({ childId: child.id, indexNumber: child.indexNumber });
    const vague = await request.post(ENDPOINT, { headers, data: { reason: 'working_with_child', familyName: 'Zzzyx', dateOfBirth: child.dateOfBirth } });
    expect(await vague.json()).toEqual({ match: null });
  });

  test('a signed-in practitioner gets the ranked list with reasons', async ({ page }) => {
    const { ordinary: child } = e2eChildren();
    await signInAsDemo(page, 'demo.sexualhealth');
    const response = await page.request.post(ENDPOINT, {
      data: { reason: 'working_with_child', familyName: child.familyName, dateOfBirth: child.dateOfBirth },
    });
    const body = await response.json();
    expect(body.outcome).toBe('matches');
    expect(body.matches[0]).toMatchObject({ childId: child.id, reasons: expect.arrayContaining(['family name matches']) });
  });

  test('refuses anyone else, bad keys, bad input, and searches in the address', async ({ request }) => {
    const data = { reason: 'working_with_child', familyName: 'Smith', dateOfBirth: '2015-03-04' };
    expect((await request.post(ENDPOINT, { data })).status()).toBe(401);
    expect((await request.post(ENDPOINT, { data, headers: { authorization: 'Bearer ci_not-a-key' } })).status()).toBe(401);
    const wrongSecret = demoApiClient().key.slice(0, -4) + 'AAAA';
    expect((await request.post(ENDPOINT, { data, headers: { authorization: `Bearer ${wrongSecret}` } })).status()).toBe(401);
    const bad = await request.post(ENDPOINT, { data: { reason: 'working_with_child', familyName: 'Smith' }, headers: { authorization: `Bearer ${demoApiClient().key}` } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fields.dateOfBirth).toMatch(/date of birth or a postcode/);
    expect((await request.get(`${ENDPOINT}?familyName=Smith`)).status()).toBe(405);
  });
});
