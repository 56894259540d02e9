import { describe, expect, it } from 'vitest';
import { readJsonBody } from './read-json-body';

const NOT_JSON = 'Send a JSON object.';
const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://index.example/api/v1/children/search', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body that never ends, sent without a Content-Length, counting how much of it was asked for. */
function endlessBody() {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode('x'.repeat(1024));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

describe('reading a JSON body within a limit', () => {
  it('reads JSON up to the limit', async () => {
    expect(await readJsonBody(post('{"ids":["a"]}'), { notJson: NOT_JSON })).toEqual({ body: { ids: ['a'] } });
    const justUnder = JSON.stringify({ x: 'y'.repeat(16 * 1024 - 20) });
    expect('body' in (await readJsonBody(post(justUnder), { notJson: NOT_JSON }))).toBe(true);
  });

  it('refuses a declared size over the limit with 413 without reading it', async () => {
    const { stream, pulled } = endlessBody();
    const read = await readJsonBody(post(stream, { 'content-length': String(10 * 1024 * 1024) }), { notJson: NOT_JSON });
    expect('refusal' in read && read.refusal.status).toBe(413);
    expect('refusal' in read && (await read.refusal.json())).toEqual({ error: 'The request is too large: send at most 16 KB.' });
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 1024); // at most what the stream queued before anyone read
  });

  it('stops reading a body without a size once it passes the limit', async () => {
    const { stream, pulled } = endlessBody();
    const read = await readJsonBody(post(stream), { notJson: NOT_JSON, maxBytes: 4 * 1024 });
    expect('refusal' in read && read.refusal.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(8 * 1024);
  });

  it('answers 400 with the given message for anything that is not UTF-8 JSON', async () => {
    for (const body of ['', '{"reason":', 'not json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) {
      const read = await readJsonBody(post(body), { notJson: NOT_JSON });
      expect('refusal' in read && read.refusal.status).toBe(400);
      expect('refusal' in read && (await read.refusal.json())).toEqual({ error: NOT_JSON });
    }
  });
});
