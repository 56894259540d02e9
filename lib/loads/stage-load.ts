import 'server-only';
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type postgres from 'postgres';
import { isEmbedded, type Database } from '@/db';
import type { LoadCounts } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import { loadRowSchema } from '@/lib/validation/load-row';
import { readLoadFile } from './read-load-file';
import { copyingRows, insertingRows } from './staged-row-writers';
import { rejectUnknownCodes } from './reject-unknown-codes';

export type LoadSubmitter = { kind: 'staff' | 'api_client' | 'system'; id: string | null };

export type StageLoadOptions = {
  db: Database;
  source: { id: string; code: string };
  fileName: string;
  /**
   * Opens the file from its start: it is read twice, once to fingerprint it and once to stage it. A file kept in the
   * database is read through `reader`: the staging transaction itself on the embedded database (its one connection),
   * else the pool (the transaction's connection is busy with the COPY).
   */
  open: (reader: postgres.Sql | postgres.TransactionSql) => AsyncIterable<Uint8Array>;
  asOf: string;
  submittedBy: LoadSubmitter;
  /** An upload received and fingerprinted already (receive-upload.ts): the load takes its id, and it is marked staged with it. */
  upload?: { id: string; fileSha256: string };
};

export type StagedLoad = { loadId: string; alreadyReceived: boolean };

/** Rows checked between turns of the event loop, so that staging in the web server's process never holds it for long. */
const ROWS_PER_TURN = 250;

const STAGED_COLUMNS = [
  'load_id', 'row_number', 'source_person_id', 'given_names', 'family_name', 'former_names', 'gender', 'date_of_birth',
  'date_of_death', 'address_line1', 'address_line2', 'town', 'postcode', 'carers', 'school_urn', 'gp_practice_code',
  'service_code', 'service_started_on', 'service_practitioner', 'service_phone',
] as const;

/** The file's SHA-256: the same file from the same source is the same load. */
async function fingerprint(open: StageLoadOptions['open'], reader: postgres.Sql): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of open(reader)) hash.update(chunk);
  return hash.digest('hex');
}

type Reject = { rowNumber: number; field: string; reason: string };

/** Writes the valid rows into source_load_rows and returns the rejects; throws (failing the transaction) on a malformed file. */
async function stageRows(tx: postgres.TransactionSql, loadId: string, options: StageLoadOptions): Promise<{ rows: number; rejects: Reject[] }> {
  const schema = loadRowSchema({ sourceCode: options.source.code, asOf: options.asOf });
  const embedded = isEmbedded(options.db);
  const writer = embedded ? insertingRows(tx, 'source_load_rows', STAGED_COLUMNS) : await copyingRows(tx, 'source_load_rows', STAGED_COLUMNS);
  const rejects: Reject[] = [];
  let rows = 0;
  try {
    for await (const { rowNumber, fields } of readLoadFile(options.open(embedded ? tx : options.db.$client))) {
      rows += 1;
      if (rows % ROWS_PER_TURN === 0) await nextTurn();
      const parsed = schema.safeParse(fields);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) rejects.push({ rowNumber, field: String(issue.path[0] ?? 'row'), reason: issue.message });
        continue;
      }
      const r = parsed.data;
      await writer.write([
        loadId, rowNumber, r.sourcePersonId, r.givenNames, r.familyName, r.formerNames, r.gender, r.dateOfBirth, r.dateOfDeath,
        r.addressLine1, r.addressLine2, r.town, r.postcode, JSON.stringify(r.carers), r.schoolUrn, r.gpPracticeCode,
        r.serviceCode, r.serviceStartedOn, r.servicePractitioner, r.servicePhone,
      ]);
    }
  } catch (error) {
    writer.abandon();
    throw error;
  }
  await writer.finish();
  return { rows, rejects };
}

/**
 * Receives a load file: a first pass fingerprints it; then one transaction records the load, reads the file through
 * the CSV reader, COPYs its valid rows into the staging table (inserts them, on the embedded database) and keeps a
 * reject (row, field, reason) for every invalid one. A malformed file throws an AppError mid-way and the transaction leaves nothing behind.
 * The same file from the same source again is the same load (found by its SHA-256), not a second one.
 */
export async function stageLoad(options: StageLoadOptions): Promise<StagedLoad> {
  const { db, source, fileName, asOf, submittedBy, upload } = options;
  const sql = db.$client;
  const sha = upload?.fileSha256 ?? (await fingerprint(options.open, sql));
  const [existing] = await sql<{ id: string }[]>`select id from source_loads where source_system_id = ${source.id} and file_sha256 = ${sha}`;
  if (existing) return { loadId: existing.id, alreadyReceived: true };
  const loadId = await sql.begin(async (tx) => {
    // The upload's row is locked until this commits: a second check of it (a retried job) waits, then finds it staged.
    if (upload) {
      const [checking] = await tx`select 1 from load_uploads where id = ${upload.id} and status = 'checking' for update`;
      if (!checking) return null;
    }
    const empty: LoadCounts = { rows: 0, rejected: 0, bySourceId: 0, linked: 0, review: 0, created: 0, updated: 0, applied: 0 };
    const [load] = await tx<{ id: string }[]>`
      insert into source_loads (id, source_system_id, file_name, file_sha256, as_of, submitted_by_kind, submitted_by_id, status, counts)
      values (coalesce(${upload?.id ?? null}::uuid, gen_random_uuid()), ${source.id}, ${fileName}, ${sha}, ${asOf}, ${submittedBy.kind}, ${submittedBy.id}, 'staged', ${JSON.stringify(empty)}::jsonb)
      returning id`;
    const { rows, rejects } = await stageRows(tx, load!.id, options);
    if (rows === 0) throw new AppError('invalid', 'The file has a header row but no rows. Nothing was loaded.');
    for (let start = 0; start < rejects.length; start += 10_000) {
      const batch = rejects.slice(start, start + 10_000).map((r) => ({ load_id: load!.id, row_number: r.rowNumber, field: r.field, reason: r.reason }));
      await tx`insert into source_load_rejects ${tx(batch)}`;
    }
    await rejectUnknownCodes({ tx, loadId: load!.id });
    await tx`
      update source_loads set counts = counts || jsonb_build_object('rows', ${rows}::int,
        'rejected', (select count(distinct row_number) from source_load_rejects where load_id = ${load!.id}))
      where id = ${load!.id}`;
    if (upload) {
      await tx`update load_uploads set status = 'staged', updated_at = now() where id = ${upload.id}`;
      await tx`delete from load_upload_chunks where upload_id = ${upload.id}`;
    }
    return load!.id;
  });
  return loadId ? { loadId, alreadyReceived: false } : { loadId: upload!.id, alreadyReceived: true };
}
