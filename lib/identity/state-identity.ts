import 'server-only';
import { and, count, eq, gt, ne } from 'drizzle-orm';
import type { Database } from '@/db';
import { auditEvents, citizenAccounts } from '@/db/schema';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import type { TIdentityStatement } from '@/lib/validation/identity-statement';
import { issueActivationCode } from './issue-activation-code';
import { matchIdentityStatement } from './match-identity-statement';

/** Enough for typing mistakes; too few to probe the index for who is on it. */
export const STATEMENTS_PER_DAY = 5;
/**
 * Every answer takes at least this long, so that the time taken does not tell a matched statement (a code made,
 * hashed and a letter drawn) from one that matched nothing.
 */
export const STATEMENT_ANSWER_MS = 1500;

export type StateIdentityResult = { outcome: 'sent_if_matched' } | { outcome: 'too_many_tries' };

export type StateIdentityOptions = {
  db: Database;
  citizen: { id: string };
  statement: TIdentityStatement;
  clientAddress?: string | null;
  now?: Date;
  /** Tests that are not about timing set 0. */
  answerAfterMs?: number;
  /** The clock and the wait that pad the answer (a test of the padding passes its own). */
  clock?: () => number;
  pause?: (ms: number) => Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Step one of linking a record: the citizen says who they are. If that names one record confidently and the record
 * may be linked online, a one-time code goes to the address held on it, or to the parent's email held on it. The
 * answer is the same whatever happened, so the form tells nobody who is on the index or whose record is shielded.
 * Every statement is audited, with the child only when one matched, and never with what was typed.
 */
export async function stateIdentity({
  db,
  citizen,
  statement,
  clientAddress = null,
  now = new Date(),
  answerAfterMs = STATEMENT_ANSWER_MS,
  clock = Date.now,
  pause = sleep,
}: StateIdentityOptions): Promise<StateIdentityResult> {
  const started = clock();
  try {
    return await db.transaction(async (tx) => {
      // One statement at a time per account, so that parallel requests cannot get past the daily limit.
      await tx.select({ id: citizenAccounts.id }).from(citizenAccounts).where(eq(citizenAccounts.id, citizen.id)).for('update');
      const [earlier] = await tx
        .select({ n: count() })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.actorId, citizen.id),
            eq(auditEvents.action, 'citizen.identity.statement'),
            ne(auditEvents.outcome, 'too_many'),
            gt(auditEvents.occurredAt, new Date(now.getTime() - 24 * 3600_000)),
          ),
        );
      const audit = (outcome: string, childIds: string[] = []) =>
        recordAuditEvent({ db: tx, event: { actorKind: 'citizen', actorId: citizen.id, action: 'citizen.identity.statement', query: { relationship: statement.relationship }, childIds, outcome, clientAddress } });
      if ((earlier?.n ?? 0) >= STATEMENTS_PER_DAY) {
        await audit('too_many');
        return { outcome: 'too_many_tries' };
      }

      const found = await matchIdentityStatement({ db: tx, statement, now });
      if (found.outcome === 'no_match') await audit('no_match');
      if (found.outcome === 'refused') await audit(found.reason, [found.childId]);
      if (found.outcome === 'matched') {
        const sent = await issueActivationCode({ db: tx, citizenId: citizen.id, relationship: statement.relationship, match: found.match, now });
        await audit(sent ? 'code_sent' : 'codes_waiting', [found.match.childId]);
      }
      return { outcome: 'sent_if_matched' };
    });
  } finally {
    const wait = answerAfterMs - (clock() - started);
    if (wait > 0) await pause(wait);
  }
}
