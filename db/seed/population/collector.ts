import { CopyTextBuffer, type Row } from '@/db/bulk-writer';
import { TABLE_COLUMNS, type TableName } from './tables';

/** One table's share of a batch: COPY text for a PostgreSQL server, or the rows themselves for INSERTs. */
export type TableData = { rows: number; copy?: Uint8Array; values?: Row[] };

export type Collector = {
  emit: (table: TableName, row: Row) => void;
  take: () => Partial<Record<TableName, TableData>>;
};

const tableNames = Object.keys(TABLE_COLUMNS) as TableName[];

/** Encodes each row as COPY text the moment it is made, so that no batch of row arrays piles up in memory. */
export function copyCollector(): Collector {
  const buffers = new Map<TableName, CopyTextBuffer>();
  return {
    emit: (table, row) => {
      let buffer = buffers.get(table);
      if (!buffer) buffers.set(table, (buffer = new CopyTextBuffer()));
      buffer.write(row);
    },
    take: () => Object.fromEntries([...buffers].map(([table, b]) => [table, { rows: b.rows, copy: b.take() }])),
  };
}

export function rowCollector(): Collector {
  const rows = new Map<TableName, Row[]>(tableNames.map((t) => [t, []]));
  return {
    emit: (table, row) => void rows.get(table)!.push(row),
    take: () =>
      Object.fromEntries([...rows].filter(([, r]) => r.length > 0).map(([table, r]) => [table, { rows: r.length, values: r }])),
  };
}
