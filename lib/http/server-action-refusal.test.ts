import { describe, expect, it } from 'vitest';
import { serverActionRefusal } from './server-action-refusal';

const page = 'http://index.test/staff/search';
const sameOrigin = { host: 'index.test', origin: 'http://index.test', 'next-action': '7f00aa' };

function multipart(parts: Record<string, string>, headers: Record<string, string> = sameOrigin) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) form.append(name, value);
  return new Request(page, { method: 'POST', headers, body: form });
}
const deep = (levels: number) => `[${'['.repeat(levels)}${']'.repeat(levels)},"$K1"]`;

describe('server actions refused before Next.js decodes them', () => {
  it('lets through what React sends from a form: the arguments ending with the form, and its fields', async () => {
    expect(await serverActionRefusal(multipart({ '0': '[{},"$K1"]', _1_familyName: 'Smith' }))).toBeNull();
    expect(await serverActionRefusal(multipart({ '0': '["4d9c3c2e-3c1a-4c8e-9d0f-2a1b3c4d5e6f",{"errors":{"a":"b"}},"$K1"]' }))).toBeNull();
    // An action that reads no arguments (sign-out) is sent none, as plain text.
    expect(await serverActionRefusal(new Request(page, { method: 'POST', headers: { ...sameOrigin, 'content-type': 'text/plain;charset=UTF-8' }, body: '[]' }))).toBeNull();
    // Without JavaScript: the action's id as a field, no header.
    const { 'next-action': _, ...noHeader } = sameOrigin;
    expect(await serverActionRefusal(multipart({ $ACTION_ID_7f00aa: '', familyName: 'Smith' }, noHeader))).toBeNull();
    // Not an action at all: a GET, the JSON API, next-auth's forms.
    expect(await serverActionRefusal(new Request(page))).toBeNull();
    expect(await serverActionRefusal(new Request('http://index.test/api/auth/signout', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'junk' }))).toBeNull();
  });

  it('refuses one from another origin or site', async () => {
    expect(await serverActionRefusal(multipart({ '0': '[{},"$K1"]' }, { ...sameOrigin, origin: 'https://evil.example' }))).toBe('cross_site');
    expect(await serverActionRefusal(multipart({ '0': '[{},"$K1"]' }, { ...sameOrigin, 'sec-fetch-site': 'cross-site' }))).toBe('cross_site');
    // A client claiming to be the service's own page while its Origin names another host: Next.js would abort it.
    expect(await serverActionRefusal(multipart({ '0': '[{},"$K1"]' }, { ...sameOrigin, origin: 'http://index.test.evil.example', 'sec-fetch-site': 'same-origin' }))).toBe('cross_site');
    expect(await serverActionRefusal(multipart({ '0': '[{},"$K1"]' }, { ...sameOrigin, origin: 'index.test', 'sec-fetch-site': 'same-origin' }))).toBe('cross_site');
  });

  it('answers a page of its own, not a bare 500, to a form whose browser hid its origin (a no-referrer page posted without script)', async () => {
    const { 'next-action': _, ...noHeader } = sameOrigin;
    const hidden = { ...noHeader, origin: 'null', 'sec-fetch-site': 'same-origin' };
    expect(await serverActionRefusal(multipart({ $ACTION_ID_7f00aa: '', email: 'a@example.com' }, hidden))).toBe('origin_hidden');
    // Without Fetch Metadata, a hidden origin is another site's as far as anyone can tell.
    expect(await serverActionRefusal(multipart({ $ACTION_ID_7f00aa: '' }, { ...noHeader, origin: 'null' }))).toBe('cross_site');
    // Behind the reverse proxy the forwarded host is the one the browser addressed.
    const proxied = { ...noHeader, host: '10.0.0.5:3000', 'x-forwarded-host': 'index.test', 'sec-fetch-site': 'same-origin' };
    expect(await serverActionRefusal(multipart({ $ACTION_ID_7f00aa: '' }, proxied))).toBeNull();
  });

  it('refuses a body it cannot read: truncated, not JSON, the wrong shape, or thousands deep', async () => {
    const truncated = new Request(page, { method: 'POST', headers: { ...sameOrigin, 'content-type': 'multipart/form-data; boundary=----x' }, body: '------x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{},"$K' });
    expect(await serverActionRefusal(truncated)).toBe('unreadable');
    expect(await serverActionRefusal(multipart({ '0': 'not json' }))).toBe('unreadable');
    expect(await serverActionRefusal(multipart({ '0': '{"familyName":"Smith"}' }))).toBe('unreadable');
    expect(await serverActionRefusal(multipart({ '0': '[{},42]' }))).toBe('unreadable');
    expect(await serverActionRefusal(multipart({ _1_familyName: 'Smith' }))).toBe('unreadable');
    expect(await serverActionRefusal(multipart({ '0': deep(3000) }))).toBe('unreadable');
    expect(await serverActionRefusal(multipart({ '0': deep(20) }))).toBeNull();
    expect(await serverActionRefusal(new Request(page, { method: 'POST', headers: { ...sameOrigin, 'content-type': 'text/plain' }, body: '[{"a":' }))).toBe('unreadable');
  });
});
