import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db';
import { serviceTypes, staffPrivilegeGrants, staffUsers } from '@/db/schema';

const requestedBy = alias(staffUsers, 'requested_by');

/** The child-protection role or sensitive service waiting for a second access manager for this user, if any. */
export async function findWaitingPrivileges({ db, staffUserId }: { db: DbOrTx; staffUserId: string }) {
  const [row] = await db
    .select({
      hasChildProtectionRole: staffPrivilegeGrants.hasChildProtectionRole,
      sensitiveService: serviceTypes.name,
      requestedByStaffId: staffPrivilegeGrants.requestedByStaffId,
      requestedBy: requestedBy.displayName,
      requestedAt: staffPrivilegeGrants.requestedAt,
    })
    .from(staffPrivilegeGrants)
    .innerJoin(requestedBy, eq(requestedBy.id, staffPrivilegeGrants.requestedByStaffId))
    .leftJoin(serviceTypes, eq(serviceTypes.code, staffPrivilegeGrants.sensitiveServiceCode))
    .where(and(eq(staffPrivilegeGrants.staffUserId, staffUserId), isNull(staffPrivilegeGrants.approvedAt)));
  return row ?? null;
}
