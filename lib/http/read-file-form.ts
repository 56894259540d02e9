import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';

/** A form with one file, read as it arrives: the fields that came before the file, and the file's bytes as a stream. */
export type FileForm = { fields: Record<string, string>; file: { name: string; bytes: Readable } | null };

/**
 * Reads a multipart/form-data request (a form with a file, posted without script) up to its file, which is handed on
 * as a stream, unread, so that it can go wherever it is stored without being held in memory. The fields must come
 * before the file in the form, as browsers send them in the order of the page. Other files are skipped. Null when the
 * request is not a well-formed form of this kind.
 */
export async function readFileForm(request: Request, fileField: string): Promise<FileForm | null> {
  if (!request.body || !request.headers.get('content-type')?.startsWith('multipart/form-data')) return null;
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: Object.fromEntries(request.headers), limits: { fields: 20, fieldSize: 1024, files: 1 } });
  } catch {
    return null; // no boundary in the content type
  }
  const fields: Record<string, string> = {};
  const form = new Promise<FileForm | null>((resolve) => {
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, bytes, info) => {
      if (name !== fileField) return void bytes.resume();
      resolve({ fields, file: { name: info.filename ?? '', bytes } });
    });
    parser.on('close', () => resolve({ fields, file: null }));
    parser.on('error', () => resolve(null));
  });
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  body.on('error', (error) => parser.destroy(error));
  body.pipe(parser);
  return form;
}
