import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations, staffUsers } from '@/db/schema';
import { isLockedOut } from '@/lib/auth/sign-in-limits';
import { vettingProblems } from '@/lib/auth/vetting';
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
};

/** The users an administrator manages, each with what stops them using the index and what expires within 30 days. */
export async function listStaffUsers({ db, admin, now = new Date() }: { db: Database; admin: Administrator; now?: Date }): Promise<StaffUserSummary[]> {
  const rows = await db
    .select({ user: staffUsers, organisation: organisations.name, accreditedUntil: organisations.accreditedUntil })
    .from(staffUsers)
    .innerJoin(organisations, eq(organisations.id, staffUsers.organisationId))
    .where(admin.isNationalAdministrator ? undefined : eq(staffUsers.localAuthorityCode, admin.localAuthorityCode))
    .orderBy(asc(staffUsers.displayName));
  const soon = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  return rows.map(({ user, organisation, accreditedUntil }) => {
    const warnings: string[] = [];
    if (user.policeCheckExpiresOn && user.policeCheckExpiresOn >= today && user.policeCheckExpiresOn <= soon) {
      warnings.push(`Police check expires on ${user.policeCheckExpiresOn}`);
    }
    if (accreditedUntil && accreditedUntil >= today && accreditedUntil <= soon) warnings.push(`Organisation accreditation ends on ${accreditedUntil}`);
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
    };
  });
}
