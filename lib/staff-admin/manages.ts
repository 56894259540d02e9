import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { staffUsers } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff-sessions';
import { AppError } from '@/lib/errors';

export type Administrator = Pick<StaffUser, 'id' | 'role' | 'isNationalAdministrator' | 'localAuthorityCode' | 'organisationId'>;

/** Administrators manage the users of their own local authority; a national administrator manages everyone. */
export function manages(admin: Administrator, localAuthorityCode: string): boolean {
  return admin.role === 'administrator' && (admin.isNationalAdministrator || admin.localAuthorityCode === localAuthorityCode);
}

/** The user an administrator is acting on, or an error that does not reveal whether someone else's user exists. */
export async function managedUser({ db, admin, staffUserId }: { db: DbOrTx; admin: Administrator; staffUserId: string }) {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId));
  if (!user || !manages(admin, user.localAuthorityCode)) throw new AppError('not_found', 'There is no such user in the local authority you manage.');
  return user;
}
