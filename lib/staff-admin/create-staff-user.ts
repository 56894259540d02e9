import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations, serviceTypes, staffActivations, staffPrivilegeGrants, staffUsers } from '@/db/schema';
import { queueEmail } from '@/lib/email/queue-email';
import { appUrl } from '@/lib/http/app-url';
import type { TCreateStaffUser } from '@/lib/validation/staff-user';
import { type Administrator, manages } from './manages';
import { recordStaffAdminEvent } from './record-staff-admin-event';
import { refuseStaffAdmin } from './refuse-staff-admin';

export const ACTIVATION_LIFETIME_DAYS = 7;

export const hashActivationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type CreateStaffUserOptions = { db: Database; admin: Administrator; input: TCreateStaffUser; clientAddress?: string | null; now?: Date };

/**
 * Creates an account waiting for activation and emails its one-time activation link. The account cannot be used
 * until the person sets a password and PIN and the administrator has recorded their vetting. A child-protection role
 * or a sensitive service asked for here waits for a second access manager (approveStaffPrivileges).
 */
export async function createStaffUser({ db, admin, input, clientAddress = null, now = new Date() }: CreateStaffUserOptions): Promise<string> {
  const refuse = (code: 'invalid' | 'conflict', message: string) =>
    refuseStaffAdmin({ db, admin, action: 'staff_admin.user_created', query: { organisationId: input.organisationId, role: input.role }, code, message, clientAddress });
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!organisation || !manages(admin, organisation.localAuthorityCode)) return refuse('invalid', 'Select an organisation in the local authority you manage');
  if (input.role === 'administrator' && !admin.isNationalAdministrator && organisation.kind !== 'local_authority') {
    return refuse('invalid', 'Access managers must belong to a local authority');
  }
  if (input.sensitiveServiceCode) {
    const [service] = await db.select().from(serviceTypes).where(eq(serviceTypes.code, input.sensitiveServiceCode));
    if (!service?.isSensitive) return refuse('invalid', 'Select a sensitive service from the list, or none');
  }
  const [taken] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(sql`lower(${staffUsers.username})`, input.username));
  if (taken) return refuse('conflict', 'That user name is already taken: choose another');

  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(staffUsers)
      .values({
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        role: input.role,
        organisationId: organisation.id,
        localAuthorityCode: organisation.localAuthorityCode,
        status: 'pending_activation',
      })
      .returning({ id: staffUsers.id });
    const waitingForApproval = input.hasChildProtectionRole || input.sensitiveServiceCode !== null;
    if (waitingForApproval) {
      await tx.insert(staffPrivilegeGrants).values({
        staffUserId: user!.id,
        hasChildProtectionRole: input.hasChildProtectionRole,
        sensitiveServiceCode: input.sensitiveServiceCode,
        requestedByStaffId: admin.id,
        requestedAt: now,
      });
    }
    await tx.insert(staffActivations).values({
      staffUserId: user!.id,
      tokenHash: hashActivationToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ACTIVATION_LIFETIME_DAYS * 86_400_000),
    });
    await queueEmail({
      db: tx,
      email: {
        to: input.email,
        subject: 'Your Children’s Index account',
        text: [
          `An account has been made for you on the Children’s Index by ${organisation.name}.`,
          '',
          `Your user name is ${input.username}. Set your password and PIN here within ${ACTIVATION_LIFETIME_DAYS} days:`,
          appUrl(`/staff/activate/${token}`),
          '',
          'Your access manager will also record your training, user agreement and police check before you can sign in.',
          'If you were not expecting this email, tell your access manager.',
        ].join('\n'),
      },
    });
    const asked = waitingForApproval ? { hasChildProtectionRole: input.hasChildProtectionRole, sensitiveServiceCode: input.sensitiveServiceCode } : null;
    await recordStaffAdminEvent({ db: tx, admin, action: 'staff_admin.user_created', query: { staffUserId: user!.id, role: input.role, waitingForApproval: asked }, clientAddress });
    return user!.id;
  });
}
