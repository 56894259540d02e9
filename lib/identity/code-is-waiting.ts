import 'server-only';
import { and, gt, isNull, lt, type SQL } from 'drizzle-orm';
import { activationCodes } from '@/db/schema';

/** Three wrong tries spend a code. */
export const MAX_CODE_TRIES = 3;

/** The condition for a code still usable at `now`: not used, not expired, not tried three times. */
export function codeIsWaiting(now: Date): SQL {
  return and(isNull(activationCodes.usedAt), gt(activationCodes.expiresAt, now), lt(activationCodes.failedAttempts, MAX_CODE_TRIES))!;
}
