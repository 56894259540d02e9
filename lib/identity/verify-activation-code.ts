import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { activationCodes, citizenRecordLinks } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { verifySecret } from '@/lib/auth/secrets';
import { codeIsWaiting, MAX_CODE_TRIES } from './code-is-waiting';

export type VerifyActivationCodeResult =
  | { outcome: 'linked'; linkId: string }
  | { outcome: 'wrong'; triesLeft: number }
  /** No code is waiting: none was sent, it expired, it was used, or it was tried three times. */
  | { outcome: 'no_code' };

export type VerifyActivationCodeOptions = { db: Database; citizen: { id: string }; typed: string; clientAddress?: string | null; now?: Date };

/*
 * How strongly a link is proven, in the terms of GOV.UK's GPG 45 (identity confidence low / medium / high). Neither
 * route checks a document or a face, so neither reaches "high". A code posted to the address an authoritative
 * source holds for the child, used together with knowing the child's details, is treated as "medium": it shows the
 * person gets post at that address. A code emailed to a parent's address held on the record is "low": email
 * addresses on records are less often checked, an inbox is easily shared or taken over, and it proves an inbox only.
 */
const LEVELS = {
  post: { verificationLevel: 'medium', verificationMethod: 'activation code posted to the address held on the record' },
  email: { verificationLevel: 'low', verificationMethod: 'activation code emailed to the parent’s address held on the record' },
} as const;
const STRENGTH = { low: 1, medium: 2, high: 3 } as const;

/** As typed: spaces and hyphens dropped, lower case accepted. */
const normalise = (typed: string) => typed.replace(/[\s-]+/g, '').toUpperCase();

/**
 * Step two: the code from the letter (or the parent's email) proves the person gets what is sent to the record's
 * address. Each code works once; three wrong tries spend it. Every code waiting for the account is checked (a parent
 * may be linking two children), and a wrong try counts against each of them. A right one links the record, with
 * the strength of the proof, in one transaction with its audit event.
 */
export async function verifyActivationCode({ db, citizen, typed, clientAddress = null, now = new Date() }: VerifyActivationCodeOptions): Promise<VerifyActivationCodeResult> {
  const code = normalise(typed);
  return db.transaction(async (tx) => {
    const waiting = await tx
      .select()
      .from(activationCodes)
      .where(and(eq(activationCodes.citizenId, citizen.id), codeIsWaiting(now)))
      .orderBy(desc(activationCodes.createdAt))
      .for('update');
    if (waiting.length === 0) return { outcome: 'no_code' };

    let right: (typeof waiting)[number] | undefined;
    for (const candidate of waiting) {
      if (!right && (await verifySecret(candidate.codeHash, code))) right = candidate;
    }
    if (!right) {
      const ids = waiting.map((w) => w.id);
      await tx.update(activationCodes).set({ failedAttempts: sql`${activationCodes.failedAttempts} + 1` }).where(inArray(activationCodes.id, ids));
      await recordAuditEvent({
        db: tx,
        event: { actorKind: 'citizen', actorId: citizen.id, action: 'citizen.identity.code_wrong', childIds: [...new Set(waiting.map((w) => w.childId))], outcome: 'wrong', clientAddress },
      });
      return { outcome: 'wrong', triesLeft: Math.max(...waiting.map((w) => MAX_CODE_TRIES - w.failedAttempts - 1)) };
    }

    await tx.update(activationCodes).set({ usedAt: now }).where(eq(activationCodes.id, right.id));
    // Proving the same record again (a lost link, a second letter) keeps the one link.
    const [existing] = await tx
      .select({ id: citizenRecordLinks.id, verificationLevel: citizenRecordLinks.verificationLevel })
      .from(citizenRecordLinks)
      .where(
        and(
          eq(citizenRecordLinks.citizenId, citizen.id),
          eq(citizenRecordLinks.childId, right.childId),
          eq(citizenRecordLinks.relationship, right.relationship),
          right.carerId ? eq(citizenRecordLinks.carerId, right.carerId) : isNull(citizenRecordLinks.carerId),
          isNull(citizenRecordLinks.revokedAt),
        ),
      );
    const level = LEVELS[right.channel];
    const stronger = !existing || STRENGTH[level.verificationLevel] > STRENGTH[existing.verificationLevel];
    const [link] = existing
      ? await tx
          .update(citizenRecordLinks)
          .set(stronger ? { ...level, verifiedAt: now } : { verifiedAt: now })
          .where(eq(citizenRecordLinks.id, existing.id))
          .returning({ id: citizenRecordLinks.id })
      : await tx
          .insert(citizenRecordLinks)
          .values({ citizenId: citizen.id, childId: right.childId, relationship: right.relationship, carerId: right.carerId, ...level, verifiedAt: now })
          .returning({ id: citizenRecordLinks.id });
    await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'citizen',
        actorId: citizen.id,
        action: 'citizen.identity.verified',
        query: { linkId: link!.id, channel: right.channel, verificationLevel: stronger ? level.verificationLevel : existing.verificationLevel },
        childIds: [right.childId],
        clientAddress,
      },
    });
    return { outcome: 'linked', linkId: link!.id };
  });
}
