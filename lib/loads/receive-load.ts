import 'server-only';
import type { Database } from '@/db';
import { findLoadSource } from './find-load-source';
import { queueFinishLoad } from './queue-finish-load';
import { stageLoad, type LoadSubmitter } from './stage-load';

/** One delivery of a file, by whoever sends it (the API or the CLI). */
export type LoadDelivery = {
  db: Database;
  sourceCode: string;
  fileName: string;
  open: () => AsyncIterable<Uint8Array>;
  asOf: string;
  submittedBy: LoadSubmitter;
  /** A system client or member of staff may load only for their own organisation's source systems. */
  organisationId: string | null;
};

export type ReceivedLoad = { loadId: string; alreadyReceived: boolean };

/** Stages a delivery for its source system, once the sender is found to be allowed to send for it. */
export async function stageDelivery({ db, sourceCode, fileName, open, asOf, submittedBy, organisationId }: LoadDelivery): Promise<ReceivedLoad> {
  const source = await findLoadSource({ db, sourceCode, submittedBy, organisationId });
  return stageLoad({ db, source, fileName, open, asOf, submittedBy });
}

/**
 * Receives a load sent through the API: stages it here (a malformed file throws and leaves nothing behind; each
 * invalid row is a reject), then queues its matching and applying for the job worker, which may take many minutes.
 * The same file again is the same load, queued again if it is not done.
 */
export async function receiveLoad(delivery: LoadDelivery): Promise<ReceivedLoad> {
  const staged = await stageDelivery(delivery);
  await queueFinishLoad({ db: delivery.db, loadId: staged.loadId });
  return staged;
}
