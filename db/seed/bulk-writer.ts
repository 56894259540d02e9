import type { Connection } from '../index';

export type CellValue = string | number | boolean | null;
export type Row = CellValue[];

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyField(value: CellValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);
}

/** Encodes rows in PostgreSQL's COPY text format. */
export function toCopyText(rows: readonly Row[]): string {
  let out = '';
  for (const row of rows) out += row.map(copyField).join('\t') + '\n';
  return out;
}

/** Streams text already in COPY format into a table (PostgreSQL servers only). */
export async function copyText({ sql }: Connection, table: string, columns: readonly string[], text: string) {
  // A connection of its own: postgres.js would otherwise pipeline other queries onto a connection in COPY mode.
  const reserved = await sql.reserve();
  try {
    const stream = await reserved`copy ${sql(table)} (${sql(columns as string[])}) from stdin`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(text);
    });
  } finally {
    reserved.release();
  }
}

// PostgreSQL accepts at most 65,535 parameters in one statement.
const MAX_PARAMETERS = 65_535;

export async function insertRows({ sql }: Connection, table: string, columns: readonly string[], rows: readonly Row[]) {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement).map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    await sql`insert into ${sql(table)} ${sql(batch, columns as string[])}`;
  }
}

/**
 * Writes rows as fast as the server allows: COPY on PostgreSQL; multi-row INSERTs on the embedded database, whose
 * socket server does not speak the COPY sub-protocol.
 */
export function writeRows(connection: Connection, table: string, columns: readonly string[], rows: readonly Row[]) {
  if (rows.length === 0) return Promise.resolve();
  return connection.embedded
    ? insertRows(connection, table, columns, rows)
    : copyText(connection, table, columns, toCopyText(rows));
}
