import { demoApiClient } from '@/lib/reference/demo-credentials';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { signInAsDemo } from './support/staff';

const ENDPOINT = '/api/v1/children/search';

test.describe('[API] children search', () => {
  test('a system client gets the one child a person would be sure of, or none with the reason and what to add', async ({ request }) => {
    const { ordinary: child } = e2eChildren();
    const headers = { authorization: `Bearer ${demoApiClient().key}` };
    const named = { reason: 'working_with_child', familyName: child.familyName, givenName: child.givenNames.split(' ')[0], dateOfBirth: child.dateOfBirth };
    const corroborated = await request.post(ENDPOINT, { headers, data: { ...named, postcode: child.postcode } });
    expect(corroborated.status()).toBe(200);
    expect((await corroborated.json()).match).toMatchObject({ childId: child.id, indexNumber: child.indexNumber });

    // Name and date of birth alone do not identify a child at national scale.
    const alone = await request.post(ENDPOINT, { headers, data: named });
    expect(await alone.json()).toMatchObject({ match: null, reason: 'needs_corroboration', toAdd: ['postcode', 'sourcePersonId'], message: expect.stringMatching(/full postcode/) });
    const noBirthday = await request.post(ENDPOINT, { headers, data: { ...named, dateOfBirth: undefined, postcode: child.postcode } });
    expect(await noBirthday.json()).toMatchObject({ match: null, reason: 'needs_date_of_birth', toAdd: ['dateOfBirth'] });
    const vague = await request.post(ENDPOINT, { headers, data: { reason: 'working_with_child', familyName: 'Zzzyx', givenName: 'Qqq', dateOfBirth: child.dateOfBirth } });
    expect(await vague.json()).toMatchObject({ match: null, reason: 'no_match', toAdd: [] });
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
