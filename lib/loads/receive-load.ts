import 'server-only';
import type { Database } from '@/db';
import { findLoadSource } from './find-load-source';
import { queueFinishLoad } from './queue-finish-load';
import { stageLoad, type LoadSubmitter } from './stage-load';

export type ReceiveLoadOptions = {
  db: Database;
  sourceCode: string;
  fileName: string;
  open: () => AsyncIterable<Uint8Array>;
  asOf: string;
  submittedBy: LoadSubmitter;
  /** A system client may load only for its own organisation's source systems. */
  organisationId: string | null;
};

export type ReceivedLoad = { loadId: string; alreadyReceived: boolean };

/**
 * Receives a load sent through the API: stages it here (a malformed file throws and leaves nothing behind; each
 * invalid row is a reject), then queues its matching and applying for the job worker, which may take many minutes.
 * The same file again is the same load, queued again if it is not done.
 */
export async function receiveLoad({ db, sourceCode, fileName, open, asOf, submittedBy, organisationId }: ReceiveLoadOptions): Promise<ReceivedLoad> {
  const source = await findLoadSource({ db, sourceCode, submittedBy, organisationId });
  const staged = await stageLoad({ db, source, fileName, open, asOf, submittedBy });
  await queueFinishLoad({ db, loadId: staged.loadId });
  return staged;
}
