import 'server-only';
import type { Database } from '@/db';
import { findLoadSource } from './find-load-source';
import { finishLoad } from './finish-load';
import { stageLoad, type LoadSubmitter, type StagedLoad } from './stage-load';

export type RunLoadOptions = {
  db: Database;
  sourceCode: string;
  fileName: string;
  open: () => AsyncIterable<Uint8Array>;
  asOf: string;
  submittedBy: LoadSubmitter;
  /** A system client or member of staff may load only for their own organisation's source systems. */
  organisationId: string | null;
  onProgress?: (message: string) => void;
  batchSize?: number;
};

/**
 * Receives, matches and applies a load from start to finish in this process (the CLI), or goes on with it from the
 * step it reached: the same file from the same source again resumes the load it already is (and changes nothing once
 * that is done). If the job worker is working the same load meanwhile, this waits for it. Uploads through the API or
 * the staff page go through receive-upload.ts instead, and the job worker.
 */
export async function runLoad({ onProgress, batchSize, ...delivery }: RunLoadOptions): Promise<StagedLoad> {
  const source = await findLoadSource(delivery);
  const staged = await stageLoad({ ...delivery, source });
  onProgress?.(staged.alreadyReceived ? `This file was received before (load ${staged.loadId}): going on with it.` : `Staged as load ${staged.loadId}.`);
  await finishLoad({ db: delivery.db, loadId: staged.loadId, wait: true, batchSize, onProgress });
  return staged;
}
