import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations, serviceTypes, staffPrivilegeGrants, staffUsers } from '@/db/schema';
import { isLockedOut } from '@/lib/auth/sign-in-limits';
import { vettingProblems } from '@/lib/auth/vetting';
import { formatDate } from '@/lib/kernel/dates';
import { type Administrator } from './manages';

export const EXPIRY_WARNING_DAYS = 30;

export type StaffUserSummary = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  organisation: string;
  status: string;
  locked: boolean;
  problems: string[];
  warnings: string[];
  /** What a second access manager has still to approve. */
  waitingForApproval: string[];
  /** Who asked for what waits: they may not approve it. */
  requestedByStaffId: string | null;
};

/**
 * The users an administrator manages (a local one: their council's, national administrators aside), each with what
 * stops them using the index, what expires within 30 days and what waits for a second access manager.
 */
export async function listStaffUsers({ db, admin, now = new Date() }: { db: Database; admin: Administrator; now?: Date }): Promise<StaffUserSummary[]> {
  const rows = await db
    .select({ user: staffUsers, organisation: organisations.name, accreditedUntil: organisations.accreditedUntil, grant: staffPrivilegeGrants, grantService: serviceTypes.name })
    .from(staffUsers)
    .innerJoin(organisations, eq(organisations.id, staffUsers.organisationId))
    .leftJoin(staffPrivilegeGrants, and(eq(staffPrivilegeGrants.staffUserId, staffUsers.id), isNull(staffPrivilegeGrants.approvedAt)))
    .leftJoin(serviceTypes, eq(serviceTypes.code, staffPrivilegeGrants.sensitiveServiceCode))
    .where(admin.isNationalAdministrator ? undefined : and(eq(staffUsers.localAuthorityCode, admin.localAuthorityCode), eq(staffUsers.isNationalAdministrator, false)))
    .orderBy(asc(staffUsers.displayName));
  const soon = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  return rows.map(({ user, organisation, accreditedUntil, grant, grantService }) => {
    const warnings: string[] = [];
    if (user.policeCheckExpiresOn && user.policeCheckExpiresOn >= today && user.policeCheckExpiresOn <= soon) {
      warnings.push(`Police check expires on ${formatDate(user.policeCheckExpiresOn)}`);
    }
    if (accreditedUntil && accreditedUntil >= today && accreditedUntil <= soon) warnings.push(`Organisation accreditation ends on ${formatDate(accreditedUntil)}`);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organisation,
      status: user.status,
      locked: isLockedOut(user),
      problems: vettingProblems({ ...user, organisationAccreditedUntil: accreditedUntil }, now).map((p) => p.message),
      warnings,
      waitingForApproval: [...(grant?.hasChildProtectionRole ? ['Child-protection role'] : []), ...(grantService ? [`Sensitive service: ${grantService}`] : [])],
      requestedByStaffId: grant?.requestedByStaffId ?? null,
    };
  });
}
