import { describeBytes, JSON_BODY_LIMIT_BYTES } from './body-limits.js';
import { jsonResponse } from './json-response';

export type JsonBody = { body: unknown } | { refusal: Response };

type ReadJsonBodyOptions = {
  /** What to tell a client whose body is not JSON at all. */
  notJson: string;
  maxBytes?: number;
};

/** The refusal of a body over the limit: 413, and what the limit is. */
export function bodyTooLarge(maxBytes: number): Response {
  return jsonResponse({ error: `The request is too large: send at most ${describeBytes(maxBytes)}.` }, 413);
}

/**
 * A route handler's JSON body, read no further than `maxBytes` (Next.js limits server actions' bodies, not route
 * handlers'): refused with 413 by its Content-Length before any of it is read, or as soon as a body without one
 * passes the limit; 400 with `notJson` when it is not UTF-8 JSON.
 */
export async function readJsonBody(request: Request, { notJson, maxBytes = JSON_BODY_LIMIT_BYTES }: ReadJsonBodyOptions): Promise<JsonBody> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { refusal: bodyTooLarge(maxBytes) };
  if (!request.body) return { refusal: jsonResponse({ error: notJson }, 400) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { refusal: bodyTooLarge(maxBytes) };
      }
      chunks.push(next.value);
    }
    return { body: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))) };
  } catch {
    // Not UTF-8, not JSON, or the client went away mid-body.
    return { refusal: jsonResponse({ error: notJson }, 400) };
  }
}
