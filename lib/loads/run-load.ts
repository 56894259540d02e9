import 'server-only';
import { finishLoad } from './finish-load';
import { stageDelivery, type LoadDelivery, type ReceivedLoad } from './receive-load';

export type RunLoadOptions = LoadDelivery & { onProgress?: (message: string) => void; batchSize?: number };

/**
 * Receives, matches and applies a load from start to finish in this process (the CLI), or goes on with it from the
 * step it reached: the same file from the same source again resumes the load it already is (and changes nothing once
 * that is done). If the job worker is working the same load meanwhile, this waits for it.
 */
export async function runLoad({ onProgress, batchSize, ...delivery }: RunLoadOptions): Promise<ReceivedLoad> {
  const staged = await stageDelivery(delivery);
  onProgress?.(staged.alreadyReceived ? `This file was received before (load ${staged.loadId}): going on with it.` : `Staged as load ${staged.loadId}.`);
  await finishLoad({ db: delivery.db, loadId: staged.loadId, wait: true, batchSize, onProgress });
  return staged;
}
