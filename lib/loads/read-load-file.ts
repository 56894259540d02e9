import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '@/lib/kernel/errors';
import { LOAD_COLUMNS, type LoadFields } from './load-columns';

export type LoadFileRow = { rowNumber: number; fields: LoadFields };

async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new AppError('invalid', 'The file is not UTF-8 text: save it as CSV UTF-8 and send it again. Nothing was loaded.');
    throw error;
  }
}

function checkHeader(header: string[]) {
  const missing = LOAD_COLUMNS.filter((c) => !header.includes(c));
  const unexpected = header.filter((c) => !(LOAD_COLUMNS as readonly string[]).includes(c));
  if (missing.length || unexpected.length || header.some((c, i) => c !== LOAD_COLUMNS[i])) {
    const details = [missing.length ? `missing: ${missing.join(', ')}` : '', unexpected.length ? `not expected: ${unexpected.join(', ')}` : '']
      .filter(Boolean)
      .join('; ');
    throw new AppError('invalid', `The header row is not the load format's (${details || 'the columns are out of order'}). See docs/load-format.md. Nothing was loaded.`);
  }
}

/**
 * The data rows of a load file, streamed: UTF-8 (a byte-order mark is allowed), comma-separated, RFC 4180 quoting,
 * the header row exactly as docs/load-format.md lists it. Row numbers count the header as row 1, as a spreadsheet
 * shows them. Anything malformed — bad bytes, a wrong header, an unclosed quote, a row with too few or too many
 * fields — throws an AppError ('invalid'): the caller loads nothing from such a file.
 */
export async function* readLoadFile(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<LoadFileRow> {
  const parser = parse({ bom: true, relax_column_count: false, skip_empty_lines: true });
  // pipeline, not pipe: a decoding error must reach the parser (and so the loop below) instead of stalling it.
  pipeline(Readable.from(decodeUtf8(chunks)), parser, () => {});
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (rowNumber === 1) {
        checkHeader(record.map((c) => c.trim().toLowerCase()));
        continue;
      }
      const fields = Object.fromEntries(LOAD_COLUMNS.map((c, i) => [c, record[i]!])) as LoadFields;
      yield { rowNumber, fields };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid', `The file is not valid CSV near row ${rowNumber + 1}: ${message}. Nothing was loaded.`, message);
  }
  if (rowNumber === 0) throw new AppError('invalid', 'The file is empty: it needs the header row. Nothing was loaded.');
}
