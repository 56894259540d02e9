import 'server-only';
import type { DbOrTx } from '@/db';
import { todayInLondon } from '@/lib/kernel/dates';
import { AppError } from '@/lib/kernel/errors';
import { findViewingPurpose } from '@/lib/records/find-viewing-purpose';
import type { Caseworker } from '@/lib/kernel/actors';
import { checkStayOnCandidate } from './check-stay-on-candidate';

export type LoadStayOnCandidateOptions = { db: DbOrTx; caseworker: Caseworker; childId: string; purposeEventId: number; now?: Date };

/**
 * What a caseworker sees before putting a young person forward to stay on: the young person, or why they cannot be
 * put forward. 'purpose_needed' unless reached from the caseworker's own audited view of the record.
 */
export async function loadStayOnCandidate({ db, caseworker, childId, purposeEventId, now = new Date() }: LoadStayOnCandidateOptions) {
  if (!(await findViewingPurpose({ db, viewerId: caseworker.id, childId, purposeEventId, now }))) return 'purpose_needed' as const;
  try {
    return { child: await checkStayOnCandidate({ db, caseworker, childId, today: todayInLondon(now) }), refusal: null };
  } catch (error) {
    if (error instanceof AppError) return { child: null, refusal: error.userMessage };
    throw error;
  }
}
