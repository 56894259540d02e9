import type { RequestAction } from '@/lib/corrections/request-transitions';
import type { CommandName } from '@/lib/validation/casework-command';

export type Decision = {
  command: CommandName;
  /** The move the caseworker must be allowed (viewRequest's `allowed`) for the page to offer it. */
  action: RequestAction;
  /** The link on the request's page, the page's heading, and its button. */
  link: string;
  title: string;
  button: string;
};

/** One page per decision on a correction request, by the last part of its address. */
export const DECISIONS = {
  approve: { command: 'apply', action: 'approve', link: 'Approve the change', title: 'Correct the record', button: 'Continue' },
  ask: { command: 'ask_for_information', action: 'ask_for_information', link: 'Ask the requester for more information', title: 'Ask for more information', button: 'Send the question' },
  refuse: { command: 'refuse', action: 'refuse', link: 'Refuse the request', title: 'Refuse the request', button: 'Continue' },
  assign: { command: 'assign', action: 'assign', link: 'Assign the request to a caseworker', title: 'Assign the request', button: 'Assign the request' },
  close: { command: 'close', action: 'close', link: 'Close the request without a decision', title: 'Close the request without a decision', button: 'Close the request' },
  'approve-edit': { command: 'confirm_edit', action: 'confirm_edit', link: 'Approve the edited change', title: 'Approve the edited change', button: 'Approve the edited change' },
  'return-edit': { command: 'return_edit', action: 'return_edit', link: 'Send the edit back', title: 'Send the edit back', button: 'Send the edit back' },
} as const satisfies Record<string, Decision>;

export type DecisionSlug = keyof typeof DECISIONS;
export const DECISION_SLUGS = Object.keys(DECISIONS) as DecisionSlug[];

/**
 * The decisions this caseworker may make on the request now. An edit is sent back by someone other than its editor
 * (who may still assign or close the request).
 */
export function offeredDecisions(view: { allowed: ReadonlySet<RequestAction>; request: { proposedByStaffId: string | null } }, caseworkerId: string) {
  return DECISION_SLUGS.map((slug) => ({ slug, ...(DECISIONS[slug] as Decision) })).filter(
    (d) => view.allowed.has(d.action) && !(d.action === 'return_edit' && view.request.proposedByStaffId === caseworkerId),
  );
}
