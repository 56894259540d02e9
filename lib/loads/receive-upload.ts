import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db';
import { loadUploadChunks, loadUploads, sourceLoads } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import { enqueueJob, JOB_QUEUES } from '@/lib/kernel/enqueue-job';
import { findLoadSource } from './find-load-source';
import { queueFinishLoad } from './queue-finish-load';
import type { CheckUploadJob } from './check-upload';
import type { LoadSubmitter, StagedLoad } from './stage-load';
import { tooLargeMessage } from './upload-ceiling';

export type ReceiveUploadOptions = {
  db: Database;
  sourceCode: string;
  fileName: string;
  asOf: string;
  submittedBy: LoadSubmitter;
  /** A system client or member of staff may load only for their own organisation's source systems. */
  organisationId: string | null;
  /** The file's bytes as they arrive. */
  body: AsyncIterable<Uint8Array>;
  /** What the request says it carries (Content-Length), if it says. */
  declaredBytes: number | null;
  ceilingBytes: number;
  clientAddress?: string | null;
  /** The size of the stored pieces (tests make it small to cross many boundaries). */
  chunkBytes?: number;
};

/** The stored pieces: large enough that a 200 MiB file is a few hundred rows, small enough to hold in memory. */
const CHUNK_BYTES = 2 ** 20;

const UNIQUE_VIOLATION = '23505';

/**
 * Receives a load file without checking it: its bytes go into load_upload_chunks as they arrive (so a large file is
 * never whole in memory, and the request does no parsing), then the check is queued for the job worker
 * (check-upload.ts) and the upload's id, which the staged load will share, is returned. One upload per source system
 * at a time: another while one is being received or checked is refused (a unique index, so across app processes).
 * A file over the ceiling, a refused or broken-off upload, leaves nothing stored. The same file as a load already
 * staged is that load, as before (queued again if it is not done).
 */
export async function receiveUpload(options: ReceiveUploadOptions): Promise<StagedLoad> {
  const { db, ceilingBytes } = options;
  const refuse = (error: AppError, outcome: string) => auditUpload(db, options, outcome, null).then(() => Promise.reject(error));
  const source = await findLoadSource(options).catch((error: unknown) => (error instanceof AppError ? refuse(error, `refused_${error.code}`) : Promise.reject(error)));
  if (options.declaredBytes !== null && options.declaredBytes > ceilingBytes) return refuse(new AppError('too_large', tooLargeMessage(ceilingBytes)), 'refused_too_large');

  const uploadId = await startUpload(options, source.id).catch((error: unknown) =>
    isUniqueViolation(error)
      ? refuse(new AppError('conflict', `A file from ${source.code} is still being received or checked: send the next one once that one is staged or refused.`), 'refused_busy')
      : Promise.reject(error),
  );
  let stored: { bytes: number; sha256: string };
  try {
    stored = await storeChunks(db, uploadId, options.body, ceilingBytes, options.chunkBytes ?? CHUNK_BYTES);
  } catch (error) {
    await db.delete(loadUploads).where(eq(loadUploads.id, uploadId));
    if (error instanceof AppError) return refuse(error, error.code === 'too_large' ? 'refused_too_large' : 'refused_invalid');
    throw error;
  }

  const [earlier] = await db
    .select({ id: sourceLoads.id })
    .from(sourceLoads)
    .where(and(eq(sourceLoads.sourceSystemId, source.id), eq(sourceLoads.fileSha256, stored.sha256)));
  if (earlier) {
    await db.delete(loadUploads).where(eq(loadUploads.id, uploadId));
    await queueFinishLoad({ db, loadId: earlier.id });
    await auditUpload(db, options, 'already_received', earlier.id);
    return { loadId: earlier.id, alreadyReceived: true };
  }
  await db.transaction(async (tx) => {
    await tx
      .update(loadUploads)
      .set({ status: 'checking', bytes: stored.bytes, fileSha256: stored.sha256, updatedAt: sql`now()` })
      .where(eq(loadUploads.id, uploadId));
    await enqueueJob({ db: tx, queue: JOB_QUEUES.checkUpload.name, data: { uploadId } satisfies CheckUploadJob, singletonKey: uploadId });
    await auditUpload(tx, options, 'ok', uploadId);
  });
  return { loadId: uploadId, alreadyReceived: false };
}

async function startUpload({ db, fileName, asOf, submittedBy }: ReceiveUploadOptions, sourceSystemId: string): Promise<string> {
  const [upload] = await db
    .insert(loadUploads)
    .values({ sourceSystemId, fileName, asOf, submittedByKind: submittedBy.kind, submittedById: submittedBy.id })
    .returning({ id: loadUploads.id });
  return upload!.id;
}

/** Writes the body in pieces of at least chunkBytes, waiting for each write before reading on, so a fast sender is held back. */
async function storeChunks(db: Database, uploadId: string, body: AsyncIterable<Uint8Array>, ceilingBytes: number, chunkBytes: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await db.insert(loadUploadChunks).values({ uploadId, seq: seq++, data });
    await db.update(loadUploads).set({ bytes, updatedAt: sql`now()` }).where(eq(loadUploads.id, uploadId));
  };
  for await (const piece of body) {
    bytes += piece.byteLength;
    if (bytes > ceilingBytes) throw new AppError('too_large', tooLargeMessage(ceilingBytes));
    hash.update(piece);
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    pendingBytes += piece.byteLength;
    if (pendingBytes >= chunkBytes) await flush();
  }
  await flush();
  if (bytes === 0) throw new AppError('invalid', 'The file is empty: it needs the header row. Nothing was loaded.');
  return { bytes, sha256: hash.digest('hex') };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === UNIQUE_VIOLATION;
}

/** The upload in the audit trail: who sent which file for which source, and how it ended (no byte of its content). */
async function auditUpload(db: DbOrTx, { submittedBy, organisationId, sourceCode, fileName, clientAddress }: ReceiveUploadOptions, outcome: string, loadId: string | null) {
  await recordAuditEvent({
    db,
    event: {
      actorKind: submittedBy.kind,
      actorId: submittedBy.id,
      organisationId,
      action: 'load.upload',
      query: { sourceCode, fileName, loadId },
      outcome,
      clientAddress: clientAddress ?? null,
    },
  });
}
