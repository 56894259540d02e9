import 'server-only';
import type { Database } from '@/db';

export type ListUploadSourcesOptions = { db: Database; organisationId: string };

export type UploadSource = { code: string; name: string };

/** The source systems a member of staff may send files for: their own organisation's, as find-load-source.ts allows. */
export async function listUploadSources({ db, organisationId }: ListUploadSourcesOptions): Promise<UploadSource[]> {
  return db.$client<UploadSource[]>`select code, name from source_systems where organisation_id = ${organisationId} order by name`;
}
