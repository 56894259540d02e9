import { randomUUID } from 'node:crypto';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { signInAsDemo } from './support/staff';

const LIST = '/api/v1/correction-notices';
const ACKNOWLEDGE = '/api/v1/correction-notices/acknowledgements';

test.describe('[API] correction notices for source systems', () => {
  test('a source fetches its council’s notice, acknowledges it, and it is gone; a retry is harmless', async ({ request }) => {
    const { correctionNotice, ordinary } = e2eChildren();
    const headers = { authorization: `Bearer ${demoApiClient().key}` };

    const listed = await request.get(`${LIST}?limit=1`, { headers });
    expect(listed.status()).toBe(200);
    expect(listed.headers()['cache-control']).toBe('no-store');
    expect(await listed.json()).toEqual({
      notices: [
        {
          id: correctionNotice.id,
          sourceSystem: correctionNotice.sourceSystem,
          indexNumber: formatIndexNumber(ordinary.indexNumber),
          itemKind: 'child',
          field: 'gender',
          previousValue: expect.any(String),
          correctedValue: 'not_specified',
          correctedValueWithheld: false,
          recordVersion: expect.any(Number),
          createdAt: '2000-01-01T00:00:00.000Z',
        },
      ],
      moreWaiting: expect.any(Boolean),
    });

    const unknown = randomUUID();
    const acknowledged = await request.post(ACKNOWLEDGE, { headers, data: { ids: [correctionNotice.id, unknown] } });
    expect(acknowledged.status()).toBe(200);
    expect(await acknowledged.json()).toEqual({ acknowledged: [correctionNotice.id], alreadyAcknowledged: [], notFound: [unknown] });
    const after = await (await request.get(LIST, { headers })).json();
    expect(after.notices.map((n: { id: string }) => n.id)).not.toContain(correctionNotice.id);

    const retried = await request.post(ACKNOWLEDGE, { headers, data: { ids: [correctionNotice.id] } });
    expect(await retried.json()).toEqual({ acknowledged: [], alreadyAcknowledged: [correctionNotice.id], notFound: [] });
  });

  test('refuses callers without a valid key, a signed-in caseworker too', async ({ request, page }) => {
    const data = { ids: [randomUUID()] };
    const refused: Record<string, string>[] = [{}, { authorization: 'Bearer ci_not-a-key' }, { authorization: `Bearer ${demoApiClient().key.slice(0, -4)}AAAA` }];
    for (const headers of refused) {
      const list = await request.get(LIST, { headers });
      expect(list.status()).toBe(401);
      expect((await list.json()).error).toMatch(/API key/);
      expect((await request.post(ACKNOWLEDGE, { headers, data })).status()).toBe(401);
    }
    await signInAsDemo(page, 'demo.caseworker');
    expect((await page.request.get(LIST)).status()).toBe(401);
    expect((await page.request.post(ACKNOWLEDGE, { data })).status()).toBe(401);
  });

  test('answers a bad body or limit with what is wrong, changing nothing', async ({ request }) => {
    const headers = { authorization: `Bearer ${demoApiClient().key}` };
    const notJson = await request.post(ACKNOWLEDGE, { headers: { ...headers, 'content-type': 'application/json' }, data: '{"ids": [' });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).fields.form).toMatch(/JSON object/);
    const notIds = await request.post(ACKNOWLEDGE, { headers, data: { ids: ['LS6 2AB'] } });
    expect(notIds.status()).toBe(400);
    const body = await notIds.json();
    expect(body.fields.ids).toMatch(/id of a correction notice/);
    expect(JSON.stringify(body)).not.toMatch(/at \S+\.(js|ts):\d+/);
    expect((await request.post(ACKNOWLEDGE, { headers, data: { ids: [] } })).status()).toBe(400);
    const badLimit = await request.get(`${LIST}?limit=1000`, { headers });
    expect(badLimit.status()).toBe(400);
    expect((await badLimit.json()).fields.limit).toMatch(/whole number from 1 to 100/);
  });
});
