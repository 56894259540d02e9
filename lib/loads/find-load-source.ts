import 'server-only';
import type { Database } from '@/db';
import { AppError } from '@/lib/kernel/errors';
import type { LoadSubmitter } from './stage-load';

export type FindLoadSourceOptions = {
  db: Database;
  sourceCode: string;
  submittedBy: LoadSubmitter;
  /** A system client or member of staff may load only for their own organisation's source systems. */
  organisationId: string | null;
};

export type LoadSource = { id: string; code: string; organisationId: string | null };

/** The source system a load is sent for, if the sender may send for it. */
export async function findLoadSource({ db, sourceCode, submittedBy, organisationId }: FindLoadSourceOptions): Promise<LoadSource> {
  const [source] = await db.$client<LoadSource[]>`
    select id, code, organisation_id as "organisationId" from source_systems where code = ${sourceCode}`;
  if (!source) throw new AppError('not_found', `No source system has the code ${sourceCode}.`);
  if (submittedBy.kind !== 'system' && source.organisationId !== organisationId) {
    throw new AppError('forbidden', 'You can send loads only for your own organisation’s source systems.');
  }
  return source;
}
