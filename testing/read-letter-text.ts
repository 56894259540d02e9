import { inflateSync } from 'node:zlib';

/**
 * The text drawn on a letter made by renderActivationLetter, line by line, for tests to read the code the way a
 * person would (pdf-lib writes no text extraction). pdf-lib compresses each page's content stream and writes
 * standard-font text as hex strings shown with Tj.
 */
export function readLetterText(pdf: Buffer | Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a compressed stream: an uncompressed one holds no text from pdf-lib
    }
    for (const shown of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(shown[1]!, 'hex').toString('latin1'));
  }
  return lines;
}
