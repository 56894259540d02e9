import 'server-only';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEvents } from '@/db/schema';
import { addWorkingDays, todayInLondon } from '@/lib/kernel/dates';
import { POSTED_CODE_DAYS } from './issue-activation-code';

/** A letter is printed and posted the next working day and takes up to 3 more by second class: about 4 in all. */
export const LETTER_WORKING_DAYS = 4;

/**
 * How the citizen's latest code is coming, as far as their own words decide it: a young person's always by post; a
 * parent's by email when the record holds their address, else by post. Read from what they said (the audit trail
 * keeps whose record they asked for), never from whether anything matched, so the page tells nobody that.
 */
export type CodeOnItsWay = { relationship: 'self' | 'parent'; letterArrivesBy: string };

export type FindCodeOnItsWayOptions = { db: DbOrTx; citizenId: string; now?: Date };

export async function findCodeOnItsWay({ db, citizenId, now = new Date() }: FindCodeOnItsWayOptions): Promise<CodeOnItsWay | null> {
  const [latest] = await db
    .select({ query: auditEvents.query, occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorId, citizenId),
        eq(auditEvents.action, 'citizen.identity.statement'),
        ne(auditEvents.outcome, 'too_many'),
        gt(auditEvents.occurredAt, new Date(now.getTime() - POSTED_CODE_DAYS * 24 * 3600_000)),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt))
    .limit(1);
  const relationship = (latest?.query as { relationship?: unknown } | null)?.relationship;
  if (!latest || (relationship !== 'self' && relationship !== 'parent')) return null;
  return { relationship, letterArrivesBy: addWorkingDays(todayInLondon(latest.occurredAt), LETTER_WORKING_DAYS) };
}
