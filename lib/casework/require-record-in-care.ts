import 'server-only';
import type { DbOrTx } from '@/db';
import { findResponsibleAuthority } from '@/lib/records/responsible-authority';
import { AppError } from '@/lib/kernel/errors';
import { requireLiveChild } from '@/lib/records/require-live-child';
import type { Caseworker } from '@/lib/kernel/actors';
import { hasConflictOfInterest } from '@/lib/records/conflict-of-interest';

export type RequireRecordInCareOptions = { db: DbOrTx; caseworker: Caseworker; childId: string };

/**
 * A caseworker changes only live records that their own council's index team answers for (or that no council does
 * yet), and never one of a child who shares their family name and address.
 */
export async function requireRecordInCare({ db, caseworker, childId }: RequireRecordInCareOptions): Promise<void> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team can change a record');
  await requireLiveChild({ db, childId });
  const authority = await findResponsibleAuthority(db, childId);
  if (authority && authority !== caseworker.localAuthorityCode) {
    throw new AppError('forbidden', 'Another council’s index team looks after this record. Ask them to make the change.');
  }
  if (await hasConflictOfInterest({ db, caseworker, childId })) {
    throw new AppError('forbidden', 'This child shares your family name and address. Ask a colleague to make the change.');
  }
}
