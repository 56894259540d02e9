import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffActivations, staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { passwordProblem } from '@/lib/auth/password-policy';
import { pinProblem } from '@/lib/auth/pin-policy';
import { hashSecret } from '@/lib/auth/secrets';
import { AppError } from '@/lib/kernel/errors';
import { hashActivationToken } from './create-staff-user';

/** A password or PIN too easy to guess, with the form field it belongs to. */
export class WeakSecretError extends AppError {
  constructor(
    readonly field: 'password' | 'pin',
    userMessage: string,
  ) {
    super('invalid', userMessage);
  }
}

export type ActivateStaffAccountOptions = { db: Database; token: string; password: string; pin: string; now?: Date };

async function findActivation(db: Database, token: string, now: Date) {
  const [row] = await db
    .select({ activation: staffActivations, user: staffUsers })
    .from(staffActivations)
    .innerJoin(staffUsers, eq(staffUsers.id, staffActivations.staffUserId))
    .where(and(eq(staffActivations.tokenHash, hashActivationToken(token)), isNull(staffActivations.usedAt), gt(staffActivations.expiresAt, now)));
  return row;
}

/** Whether an activation link can still be used (for showing the form). */
export async function isActivationUsable({ db, token, now = new Date() }: { db: Database; token: string; now?: Date }) {
  return Boolean(await findActivation(db, token, now));
}

/** Sets the new user's password and PIN through their one-time link; the link cannot be used again. */
export async function activateStaffAccount({ db, token, password, pin, now = new Date() }: ActivateStaffAccountOptions) {
  const found = await findActivation(db, token, now);
  if (!found) throw new AppError('not_found', 'This link has expired or has already been used. Ask your access manager for a new one.');
  const weakPassword = passwordProblem(password, [found.user.username, ...found.user.displayName.split(/\s+/)]);
  if (weakPassword) throw new WeakSecretError('password', weakPassword);
  const weakPin = pinProblem(pin);
  if (weakPin) throw new WeakSecretError('pin', weakPin);
  const [passwordHash, pinHash] = await Promise.all([hashSecret(password), hashSecret(pin)]);
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(staffActivations)
      .set({ usedAt: now })
      .where(and(eq(staffActivations.id, found.activation.id), isNull(staffActivations.usedAt)))
      .returning({ id: staffActivations.id });
    if (!claimed) throw new AppError('not_found', 'This link has already been used.');
    await tx.update(staffUsers).set({ passwordHash, pinHash, status: 'active', lastActiveAt: now }).where(eq(staffUsers.id, found.user.id));
    await recordAuditEvent({ db: tx, event: { actorKind: 'staff', actorId: found.user.id, action: 'staff.account_activated' } });
  });
  return found.user.username;
}
