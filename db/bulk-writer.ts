import type { Connection } from './index';

export type CellValue = string | number | boolean | null;
export type Row = CellValue[];

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyField(value: CellValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  // Testing first is much cheaper than replacing: almost no value needs escaping.
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * Rows in PostgreSQL's COPY text format, written straight into bytes: at tens of millions of rows, building one
 * long JavaScript string costs more in garbage collection than generating the data.
 */
export class CopyTextBuffer {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  rows = 0;

  private ensure(extra: number) {
    if (this.length + extra <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + extra));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  write(row: Row): void {
    for (let i = 0; i < row.length; i++) {
      const field = copyField(row[i]!);
      this.ensure(field.length * 3 + 2);
      if (i > 0) this.bytes[this.length++] = TAB;
      this.length += this.bytes.write(field, this.length, 'utf8');
    }
    this.ensure(1);
    this.bytes[this.length++] = NEWLINE;
    this.rows += 1;
  }

  /** The bytes written, in a buffer of their own (so it can be handed to another thread). */
  take(): Uint8Array {
    const out = new Uint8Array(this.length);
    out.set(this.bytes.subarray(0, this.length));
    return out;
  }
}

/** Encodes rows in PostgreSQL's COPY text format. */
export function toCopyText(rows: readonly Row[]): string {
  const buffer = new CopyTextBuffer();
  for (const row of rows) buffer.write(row);
  return Buffer.from(buffer.take()).toString('utf8');
}

/** Streams text already in COPY format into a table (PostgreSQL servers only). */
export async function copyText(
  { sql }: Connection,
  table: string,
  columns: readonly string[],
  text: string | Uint8Array,
) {
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
