import { z } from 'zod';
import { ZRecordId } from './record-id';
import { ZShieldChange } from './shield-change';

/** A household is small: more ids than this is not a form a person filled in. */
const MAX_SIBLINGS = 50;
const siblingIds = z.array(ZRecordId).max(MAX_SIBLINGS, 'There are too many children listed: open the record again').default([]);

/**
 * Shielding a child: the reason and version as for any shield change, plus the answer for each other child at the
 * address. `siblingsAsked` are the children the page listed (hidden fields), `shieldSiblings` the boxes ticked; every
 * one listed and not ticked is a recorded decision not to shield them.
 */
export const ZShieldChild = ZShieldChange.extend({ siblingsAsked: siblingIds, shieldSiblings: siblingIds }).refine(
  (v) => v.shieldSiblings.every((id) => v.siblingsAsked.includes(id)),
  { path: ['shieldSiblings'], message: 'Choose only from the children listed' },
);
export type TShieldChildInput = z.input<typeof ZShieldChild>;
export type TShieldChild = z.output<typeof ZShieldChild>;
