import 'server-only';
import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEvents } from '@/db/schema';

/** Audited steps that give a member of staff a reason to open a record: the search that found it, an earlier view… */
export const PURPOSE_ACTIONS = ['child.search', 'child.view', 'child.view.purpose', 'child.household.view', 'child.shield_override'] as const;
export type PurposeAction = (typeof PURPOSE_ACTIONS)[number];

/** A search at the start of the working day still explains a view at its end; no longer. */
export const PURPOSE_LIFETIME_MS = 8 * 60 * 60 * 1000;

export type ViewingPurpose = {
  eventId: number;
  action: PurposeAction;
  reason: string;
  occurredAt: Date;
  /** The search the visit started from, if it did: a view passes it on, for the way back to its results. */
  searchEventId: number | null;
};

export type FindViewingPurposeOptions = { db: DbOrTx; viewerId: string; childId: string; purposeEventId: number; now: Date };

/**
 * Every record view needs a stated reason. It comes from an earlier audited step of the same user that involved this
 * child — the search that returned it, a reason given on the record's own page — so a view can always be traced to
 * why it happened, and an id copied from someone else's screen is worth nothing.
 */
export async function findViewingPurpose({ db, viewerId, childId, purposeEventId, now }: FindViewingPurposeOptions): Promise<ViewingPurpose | null> {
  const [event] = await db
    .select({ id: auditEvents.id, action: auditEvents.action, reason: auditEvents.reason, occurredAt: auditEvents.occurredAt, query: auditEvents.query })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.id, purposeEventId),
        eq(auditEvents.actorKind, 'staff'),
        eq(auditEvents.actorId, viewerId),
        inArray(auditEvents.action, [...PURPOSE_ACTIONS]),
        // A refused step (a household that was not shown) explains nothing.
        ne(auditEvents.outcome, 'refused'),
        sql`${childId}::uuid = any(${auditEvents.childIds})`,
        gt(auditEvents.occurredAt, new Date(now.getTime() - PURPOSE_LIFETIME_MS)),
      ),
    );
  if (!event?.reason) return null;
  const passedOn = (event.query as { searchEventId?: unknown } | null)?.searchEventId;
  const searchEventId = event.action === 'child.search' ? event.id : typeof passedOn === 'number' ? passedOn : null;
  return { eventId: event.id, action: event.action as PurposeAction, reason: event.reason, occurredAt: event.occurredAt, searchEventId };
}
