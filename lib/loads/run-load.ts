import 'server-only';
import type { Database } from '@/db';
import { AppError } from '@/lib/errors';
import { applyLoad } from './apply-load';
import { matchLoad } from './match-load';
import { stageLoad, type LoadSubmitter } from './stage-load';

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

export type RunLoadResult = { loadId: string; alreadyReceived: boolean };

/**
 * Receives, matches and applies a load from start to finish, or goes on with it from the step it reached: the same
 * file from the same source again resumes the load it already is (and changes nothing once that is done).
 */
export async function runLoad({ db, sourceCode, fileName, open, asOf, submittedBy, organisationId, onProgress, batchSize }: RunLoadOptions): Promise<RunLoadResult> {
  const [source] = await db.$client<{ id: string; code: string; organisationId: string | null }[]>`
    select id, code, organisation_id as "organisationId" from source_systems where code = ${sourceCode}`;
  if (!source) throw new AppError('not_found', `No source system has the code ${sourceCode}.`);
  if (submittedBy.kind !== 'system' && source.organisationId !== organisationId) {
    throw new AppError('forbidden', 'You can send loads only for your own organisation’s source systems.');
  }
  const staged = await stageLoad({ db, source, fileName, open, asOf, submittedBy });
  onProgress?.(staged.alreadyReceived ? `This file was received before (load ${staged.loadId}): going on with it.` : `Staged as load ${staged.loadId}.`);
  await matchLoad({ db, loadId: staged.loadId });
  onProgress?.('Matched.');
  await applyLoad({ db, loadId: staged.loadId, batchSize, onBatch: ({ applied, rows }) => onProgress?.(`Applied ${applied.toLocaleString('en-GB')} of ${rows.toLocaleString('en-GB')} rows.`) });
  return staged;
}
