import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest, sameOriginOnly } from './cross-site';

const request = (headers: Record<string, string>) => new Request('http://index.example/api/auth/signout', { method: 'POST', headers });

describe('cross-site requests', () => {
  it('lets the service’s own pages through', () => {
    expect(isCrossSiteRequest(request({ host: 'index.example', origin: 'http://index.example', 'sec-fetch-site': 'same-origin' }).headers)).toBe(false);
    // Behind the reverse proxy, the host the browser addressed is the forwarded one.
    expect(isCrossSiteRequest(request({ host: '10.0.0.5:3000', 'x-forwarded-host': 'index.example', origin: 'https://index.example' }).headers)).toBe(false);
  });

  it('refuses another site’s page, or a sibling subdomain’s, by Sec-Fetch-Site or by Origin', () => {
    expect(isCrossSiteRequest(request({ host: 'index.example', 'sec-fetch-site': 'cross-site' }).headers)).toBe(true);
    expect(isCrossSiteRequest(request({ host: 'index.example', 'sec-fetch-site': 'same-site' }).headers)).toBe(true);
    expect(isCrossSiteRequest(request({ host: 'index.example', origin: 'https://evil.example' }).headers)).toBe(true);
    expect(isCrossSiteRequest(request({ host: 'index.example', origin: 'null' }).headers)).toBe(true);
  });

  it('lets a form of its own posted without script through, though no-referrer makes its Origin "null"', () => {
    expect(isCrossSiteRequest(request({ host: 'index.example', origin: 'null', 'sec-fetch-site': 'same-origin' }).headers)).toBe(false);
    expect(isCrossSiteRequest(request({ host: 'index.example', origin: 'null', 'sec-fetch-site': 'cross-site' }).headers)).toBe(true);
  });

  it('lets a client that is not a browser page through: it carries nobody’s cookies', () => {
    expect(isCrossSiteRequest(request({ host: 'index.example' }).headers)).toBe(false);
  });

  it('answers 403 without calling the handler', async () => {
    let called = false;
    const handler = sameOriginOnly(async () => {
      called = true;
      return new Response('done');
    });
    expect((await handler(request({ host: 'index.example', origin: 'https://evil.example' }))).status).toBe(403);
    expect(called).toBe(false);
    expect(await (await handler(request({ host: 'index.example', origin: 'http://index.example' }))).text()).toBe('done');
  });
});
