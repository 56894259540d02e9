import { createHash, type KeyObject, sign, verify } from 'node:crypto';

/** One chain's head as anchored: chain number, seq of its newest event, that event's hash (hex). */
export type AnchoredHead = [chain: number, seq: number, hash: string];

/** What one line of the anchor log says, before its signature. */
export type AnchorBody = { v: 1; anchoredAt: string; keyId: string; previous: string | null; heads: AnchoredHead[] };

export type AnchorLine = AnchorBody & { signature: string };

// Always the same bytes for the same body: the fields in this order, whatever order a parsed line had.
const signedBytes = ({ v, anchoredAt, keyId, previous, heads }: AnchorBody) => Buffer.from(JSON.stringify({ v, anchoredAt, keyId, previous, heads }));

/** The hash a line's successor names as `previous`: SHA-256 of the line's text, hex. */
export const anchorLineHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** The line of text for a body, signed with the anchor key (Ed25519). */
export function signAnchorLine(body: AnchorBody, privateKey: KeyObject): string {
  return JSON.stringify({ ...body, signature: sign(null, signedBytes(body), privateKey).toString('base64') } satisfies AnchorLine);
}

/** Whether the line's signature is the anchor key's over its body. */
export const anchorLineSigned = (line: AnchorLine, publicKey: KeyObject) =>
  typeof line.signature === 'string' && verify(null, signedBytes(line), publicKey, Buffer.from(line.signature, 'base64'));
