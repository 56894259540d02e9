import 'server-only';
import { once } from 'node:events';
import type postgres from 'postgres';
import { CopyTextBuffer, type Row } from '@/db/bulk-writer';

/** Takes a file's rows one at a time into a table, in the caller's transaction. */
export type StagedRowWriter = {
  write: (row: Row) => Promise<void>;
  /** Sends what is left and waits until the table has every row. */
  finish: () => Promise<void>;
  /** Stops mid-file: the transaction is about to fail, and nothing written must be kept. */
  abandon: () => void;
};

const ROWS_PER_WRITE = 2_000;

/** Rows streamed in with COPY FROM STDIN: PostgreSQL's fastest way in. */
export async function copyingRows(tx: postgres.TransactionSql, table: string, columns: readonly string[]): Promise<StagedRowWriter> {
  const copy = tx`copy ${tx(table)} (${tx(columns as string[])}) from stdin`;
  const stream = await copy.writable();
  // If the stream is destroyed, the COPY's own promise fails too; the error that matters is the caller's.
  copy.catch(() => {});
  let buffer = new CopyTextBuffer();
  const flush = async () => {
    if (buffer.rows === 0) return;
    if (!stream.write(buffer.take())) await once(stream, 'drain');
    buffer = new CopyTextBuffer();
  };
  return {
    write: async (row) => {
      buffer.write(row);
      if (buffer.rows >= ROWS_PER_WRITE) await flush();
    },
    finish: async () => {
      await flush();
      stream.end();
      await once(stream, 'finish');
    },
    // Without an error, so that nothing from the file reaches PostgreSQL's log; the COPY fails all the same.
    abandon: () => stream.destroy(),
  };
}

/** Rows sent as multi-row inserts: for the embedded database, whose socket server does not take COPY FROM STDIN. */
export function insertingRows(tx: postgres.TransactionSql, table: string, columns: readonly string[]): StagedRowWriter {
  let pending: Record<string, Row[number]>[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await tx`insert into ${tx(table)} ${tx(batch, columns as string[])}`;
  };
  return {
    write: async (row) => {
      pending.push(Object.fromEntries(columns.map((column, i) => [column, row[i] ?? null])));
      if (pending.length >= ROWS_PER_WRITE) await flush();
    },
    finish: flush,
    abandon: () => {
      pending = [];
    },
  };
}
