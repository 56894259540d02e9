import 'server-only';
import type { DbOrTx } from '@/db';
import { AppError } from '@/lib/kernel/errors';
import type { TShieldChild } from '@/lib/validation/shield-child';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { type HouseholdMember, listHouseholdForShielding } from './list-household-for-shielding';
import { lockChildForShielding, type ShieldChangeOptions } from './lock-child-for-shielding';
import { recordChange } from '@/lib/kernel/record-change';
import { setShield } from './set-shield';
import type { ShieldingStaff } from './shielding-refusal';

export type ShieldChildOptions = Omit<ShieldChangeOptions, 'change'> & {
  /** The answers for the other children at the address; none needed where the child lives with no other child. */
  change: Omit<TShieldChild, 'siblingsAsked' | 'shieldSiblings'> & Partial<Pick<TShieldChild, 'siblingsAsked' | 'shieldSiblings'>>;
};

const HOUSEHOLD_CHANGED = 'The children living at this address have changed since the page was shown. Nothing has been saved: look again, then decide.';

/**
 * The index team shields a child's record, and answers in the same step for each other unshielded child at the
 * address. In one transaction: the shield with its reason, the child marked shielded and its searchable postcode
 * emptied, a record version (refused as a conflict if the record moved on since the caseworker looked) and the audit
 * event, both naming which of the other children were shielded too and which were not; each sibling chosen shielded
 * the same way, with the same reason and a version and audit event of its own. Refused as a conflict, with nothing
 * changed, unless the answers cover exactly the children at the address now. Returns the child's new version.
 */
export async function shieldChild({ db, caseworker, childId, change, clientAddress = null, now = new Date() }: ShieldChildOptions): Promise<number> {
  const { siblingsAsked = [], shieldSiblings = [] } = change;
  return db.transaction(async (tx) => {
    const child = await lockChildForShielding({ db: tx, staff: caseworker, childId });
    if (child.isShielded) throw new AppError('conflict', 'This record is already shielded.');
    const household = await listHouseholdForShielding({ db: tx, childId });
    const unanswered = household.some((m) => !siblingsAsked.includes(m.id));
    const notInHousehold = shieldSiblings.some((id) => !household.some((m) => m.id === id));
    if (unanswered || notInHousehold) throw new AppError('conflict', HOUSEHOLD_CHANGED);
    const chosen = household.filter((m) => shieldSiblings.includes(m.id));
    const declined = household.filter((m) => !shieldSiblings.includes(m.id));

    const shieldId = await setShield({ db: tx, caseworker, childId, reason: change.reason, now });
    const version = await recordChange({
      db: tx,
      staff: caseworker,
      childId,
      action: 'child.shield',
      reason: `Shielded by the index team: ${change.reason}${householdDecision(chosen, declined)}`,
      auditReason: change.reason,
      // The searchable postcode is a copy of the address, which does not change: the shield is the change.
      changes: [{ item: 'child', itemId: childId, field: 'isShielded', before: false, after: true }],
      query: { shieldId, siblings: { shielded: chosen.map((m) => m.id), notShielded: declined.map((m) => m.id) } },
      expectedVersion: change.expectedVersion,
      clientAddress,
    });
    for (const sibling of chosen) await shieldSibling({ db: tx, caseworker, sibling, withChildId: childId, reason: change.reason, clientAddress, now });
    return version;
  });
}

type ShieldSiblingOptions = { db: DbOrTx; caseworker: ShieldingStaff; sibling: HouseholdMember; withChildId: string; reason: string; clientAddress: string | null; now: Date };

/** A brother or sister shielded with the child: the same checks (council, conflict of interest) and the same reason. */
async function shieldSibling({ db, caseworker, sibling, withChildId, reason, clientAddress, now }: ShieldSiblingOptions) {
  const locked = await lockChildForShielding({ db, staff: caseworker, childId: sibling.id });
  if (locked.isShielded) throw new AppError('conflict', HOUSEHOLD_CHANGED);
  const shieldId = await setShield({ db, caseworker, childId: sibling.id, reason, now });
  await recordChange({
    db,
    staff: caseworker,
    childId: sibling.id,
    action: 'child.shield',
    reason: `Shielded by the index team, with another child at the same address: ${reason}`,
    auditReason: reason,
    changes: [{ item: 'child', itemId: sibling.id, field: 'isShielded', before: false, after: true }],
    query: { shieldId, withChildId },
    clientAddress,
  });
}

/** The caseworker's answer for the household, as the record's history shows it to the index team. */
function householdDecision(chosen: HouseholdMember[], declined: HouseholdMember[]): string {
  if (chosen.length + declined.length === 0) return '';
  const named = (m: HouseholdMember) => `${m.givenNames} ${m.familyName} (index number ${formatIndexNumber(m.indexNumber)})`;
  const answers = [...chosen.map((m) => `${named(m)} shielded too`), ...declined.map((m) => `${named(m)} not shielded`)];
  return `. Other children at the address: ${answers.join('; ')}.`;
}
