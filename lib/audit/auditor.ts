import type { StaffUser } from '@/lib/kernel/actors';
import { AppError } from '@/lib/kernel/errors';
import { sensitiveServicesSeenBy, type SensitiveServicesSeen } from '@/lib/sensitive-services/sensitive-services-seen-by';

/** Who reads the audit trail: an access manager or the index team. */
export type Auditor = Pick<StaffUser, 'id' | 'role' | 'isNationalAdministrator' | 'localAuthorityCode' | 'organisationId'>;

/** Practitioners never read the audit trail; the pages refuse them too, but the rule lives with the query. */
export function requireAuditor(viewer: Auditor): void {
  if (viewer.role !== 'administrator' && viewer.role !== 'caseworker') throw new AppError('forbidden', 'Only access managers and the index team can read the audit trail');
}

/** Only a national access manager reads every council's events. */
export const seesEveryCouncil = (viewer: Auditor): boolean => viewer.role === 'administrator' && viewer.isNationalAdministrator;

/** Which sensitive services a reader of the trail may see tied to a child: the index team all, access managers none. */
export const sensitiveServicesSeenByAuditor = (viewer: Auditor): SensitiveServicesSeen => sensitiveServicesSeenBy({ kind: 'staff', role: viewer.role });
