import { Readable } from 'node:stream';
import type { Database } from '@/db';
import { organisations, sourceSystems } from '@/db/schema';
import { LOAD_COLUMNS, type LoadFields } from './load-columns';
import { runLoad } from './run-load';

let made = 0;

/** A source system of an organisation of its own, so that each test's source identities are its own. */
export async function makeSource(db: Database): Promise<{ id: string; code: string; organisationId: string }> {
  made += 1;
  const tag = `${Date.now().toString(36)}${made}`;
  const [someOrg] = await db.select({ code: organisations.localAuthorityCode }).from(organisations).limit(1);
  const [organisation] = await db.insert(organisations).values({ kind: 'local_authority', name: `Council ${tag}`, localAuthorityCode: someOrg!.code }).returning();
  const [source] = await db
    .insert(sourceSystems)
    .values({ code: `LOAD-${tag}`, name: `Children’s services ${tag}`, kind: 'la_childrens_services', organisationId: organisation!.id, localAuthorityCode: someOrg!.code })
    .returning();
  return { id: source!.id, code: source!.code, organisationId: organisation!.id };
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A load file: the header and one line per row, every column not given left empty. */
export function loadCsv(rows: Partial<LoadFields>[]): string {
  const lines = [LOAD_COLUMNS.join(',')];
  for (const row of rows) lines.push(LOAD_COLUMNS.map((c) => quote(row[c] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const fromText = (text: string | Buffer) => () => Readable.from([Buffer.from(text)]);

/** Runs a load of `csv` as the system (the CLI's identity). */
export function loadText(db: Database, source: { code: string }, csv: string | Buffer, options: { asOf?: string; fileName?: string; batchSize?: number } = {}) {
  return runLoad({
    db,
    sourceCode: source.code,
    fileName: options.fileName ?? 'test.csv',
    open: fromText(csv),
    asOf: options.asOf ?? '2026-11-30',
    submittedBy: { kind: 'system', id: null },
    organisationId: null,
    batchSize: options.batchSize,
  });
}
