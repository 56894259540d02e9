import 'server-only';
import type postgres from 'postgres';

/** What the CSV reader is given at a time: a small piece, so that parsing one never holds the event loop for long. */
const PIECE_BYTES = 64 * 1024;

/** An upload's stored bytes in order, one stored chunk in memory at a time. */
export async function* readUploadChunks(reader: postgres.Sql | postgres.TransactionSql, uploadId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await reader<{ data: Buffer }[]>`select data from load_upload_chunks where upload_id = ${uploadId} and seq = ${seq}`;
    if (!chunk) return;
    for (let start = 0; start < chunk.data.length; start += PIECE_BYTES) yield chunk.data.subarray(start, start + PIECE_BYTES);
  }
}
