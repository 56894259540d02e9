import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { loadUploadChunks, loadUploads, sourceSystems } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';
import { queueFinishLoad } from './queue-finish-load';
import { readUploadChunks } from './read-upload-chunks';
import { stageLoad } from './stage-load';

export type CheckUploadJob = { uploadId: string };

export type CheckUploadOptions = { db: Database; uploadId: string };

export type CheckUploadOutcome = 'staged' | 'refused' | 'not_waiting';

/**
 * The job worker's check of a received upload: reads the stored file through the CSV reader and stages it as the
 * load of the same id, with its reject report, exactly as a file from the command line is staged; then queues its
 * matching. A malformed file is refused with the reason (kept for the sender) and its bytes deleted; nothing is staged.
 */
export async function checkUpload({ db, uploadId }: CheckUploadOptions): Promise<CheckUploadOutcome> {
  const [upload] = await db
    .select({
      fileName: loadUploads.fileName,
      asOf: loadUploads.asOf,
      submittedByKind: loadUploads.submittedByKind,
      submittedById: loadUploads.submittedById,
      fileSha256: loadUploads.fileSha256,
      source: { id: sourceSystems.id, code: sourceSystems.code },
    })
    .from(loadUploads)
    .innerJoin(sourceSystems, eq(sourceSystems.id, loadUploads.sourceSystemId))
    .where(and(eq(loadUploads.id, uploadId), eq(loadUploads.status, 'checking')));
  if (!upload?.fileSha256) return 'not_waiting';
  try {
    const staged = await stageLoad({
      db,
      source: upload.source,
      fileName: upload.fileName,
      open: (reader) => readUploadChunks(reader, uploadId),
      asOf: upload.asOf,
      submittedBy: { kind: upload.submittedByKind as 'staff' | 'api_client' | 'system', id: upload.submittedById },
      upload: { id: uploadId, fileSha256: upload.fileSha256 },
    });
    if (staged.loadId === uploadId) {
      if (staged.alreadyReceived) return 'not_waiting';
      // Outside the staging transaction: if this process dies first, the loads' sweep queues it.
      await queueFinishLoad({ db, loadId: uploadId });
      return 'staged';
    }
    // The same file reached the index another way (the command-line loader) while this one waited.
    await refuse(db, uploadId, `This file was received before, as load ${staged.loadId}.`);
    return 'refused';
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid') throw error;
    await refuse(db, uploadId, error.userMessage);
    return 'refused';
  }
}

async function refuse(db: Database, uploadId: string, refusal: string) {
  await db.transaction(async (tx) => {
    await tx.update(loadUploads).set({ status: 'refused', refusal, updatedAt: sql`now()` }).where(eq(loadUploads.id, uploadId));
    await tx.delete(loadUploadChunks).where(eq(loadUploadChunks.uploadId, uploadId));
  });
}
