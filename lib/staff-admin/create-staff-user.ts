import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations, serviceTypes, staffActivations, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { queueEmail } from '@/lib/email/queue-email';
import { appUrl } from '@/lib/http/app-url';
import { AppError } from '@/lib/errors';
import type { TCreateStaffUser } from '@/lib/validation/staff-user';
import { type Administrator, manages } from './manages';

export const ACTIVATION_LIFETIME_DAYS = 7;

export const hashActivationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type CreateStaffUserOptions = { db: Database; admin: Administrator; input: TCreateStaffUser; now?: Date };

/**
 * Creates an account waiting for activation and emails its one-time activation link. The account cannot be used
 * until the person sets a password and PIN and the administrator has recorded their vetting.
 */
export async function createStaffUser({ db, admin, input, now = new Date() }: CreateStaffUserOptions): Promise<string> {
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!organisation || !manages(admin, organisation.localAuthorityCode)) {
    throw new AppError('invalid', 'Select an organisation in the local authority you manage');
  }
  if (input.role === 'administrator' && !admin.isNationalAdministrator && organisation.kind !== 'local_authority') {
    throw new AppError('invalid', 'Access managers must belong to a local authority');
  }
  if (input.sensitiveServiceCode) {
    const [service] = await db.select().from(serviceTypes).where(eq(serviceTypes.code, input.sensitiveServiceCode));
    if (!service?.isSensitive) throw new AppError('invalid', 'Select a sensitive service from the list, or none');
  }
  const [taken] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(sql`lower(${staffUsers.username})`, input.username));
  if (taken) throw new AppError('conflict', 'That user name is already taken: choose another');

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
        hasChildProtectionRole: input.hasChildProtectionRole,
        sensitiveServiceCode: input.sensitiveServiceCode,
        status: 'pending_activation',
      })
      .returning({ id: staffUsers.id });
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
    await recordAuditEvent({
      db: tx,
      event: { actorKind: 'staff', actorId: admin.id, organisationId: admin.organisationId, action: 'staff_admin.user_created', query: { staffUserId: user!.id, role: input.role } },
    });
    return user!.id;
  });
}
