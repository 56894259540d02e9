import { describe, expect, it } from 'vitest';
import { formBodyRefusal } from './form-body-refusal';

const refusal = async (headers: Record<string, string>) => {
  const response = formBodyRefusal(new Headers(headers));
  return response && { status: response.status, body: await response.json() };
};

describe('the bodies the proxy refuses before a form post reaches Next.js', () => {
  it('lets a body that says it is at most 100 KB through, and one without a body at all', async () => {
    expect(await refusal({ 'content-length': String(100 * 1024) })).toBeNull();
    expect(await refusal({ 'content-length': '0' })).toBeNull();
    expect(await refusal({})).toBeNull();
  });

  it('refuses one that says it is bigger with 413 and the limit', async () => {
    expect(await refusal({ 'content-length': String(100 * 1024 + 1) })).toEqual({ status: 413, body: { error: 'The request is too large: send at most 100 KB.' } });
  });

  it('refuses one of no declared length, whatever its size, with 411 and what to send', async () => {
    expect(await refusal({ 'transfer-encoding': 'chunked' })).toEqual({ status: 411, body: { error: 'Send the length of the request (Content-Length) with it.' } });
  });
});
