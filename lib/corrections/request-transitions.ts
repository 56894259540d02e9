import type { correctionStatus } from '@/db/schema';
import { AppError } from '@/lib/kernel/errors';

export type RequestStatus = (typeof correctionStatus.enumValues)[number];

/** Everything that can happen to a correction request, by the index team or (replying) by the requester. */
export type RequestAction =
  | 'assign'
  | 'ask_for_information'
  | 'receive_information'
  | 'approve'
  | 'propose_edit'
  | 'confirm_edit'
  | 'return_edit'
  | 'refuse'
  | 'close';

const OPEN_FOR_DECISION: RequestStatus[] = ['received', 'in_review'];

/**
 * The only moves a request can make. A request ends applied, refused or closed; nothing moves it on from there.
 * An edited change waits for a second caseworker, who confirms it or sends it back.
 */
export const TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus | 'same' }> = {
  assign: { from: ['received', 'in_review', 'awaiting_information', 'awaiting_approval'], to: 'same' },
  ask_for_information: { from: OPEN_FOR_DECISION, to: 'awaiting_information' },
  receive_information: { from: ['awaiting_information'], to: 'in_review' },
  approve: { from: OPEN_FOR_DECISION, to: 'applied' },
  propose_edit: { from: OPEN_FOR_DECISION, to: 'awaiting_approval' },
  confirm_edit: { from: ['awaiting_approval'], to: 'applied' },
  return_edit: { from: ['awaiting_approval'], to: 'in_review' },
  refuse: { from: OPEN_FOR_DECISION, to: 'refused' },
  close: { from: ['received', 'in_review', 'awaiting_information', 'awaiting_approval'], to: 'closed' },
};

export const FINISHED: readonly RequestStatus[] = ['applied', 'refused', 'closed'];

const STATUS_WORDS: Record<RequestStatus, string> = {
  received: 'received',
  in_review: 'in review',
  awaiting_information: 'waiting for more information',
  awaiting_approval: 'waiting for a second caseworker',
  applied: 'corrected',
  refused: 'not changed',
  closed: 'closed',
};

export function canTake(status: RequestStatus, action: RequestAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status a request moves to, or a conflict that says plainly why it cannot. */
export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus {
  if (!canTake(status, action)) {
    throw new AppError('conflict', `This request is ${STATUS_WORDS[status]}, so that cannot be done now. Reload the page to see where it is.`);
  }
  const { to } = TRANSITIONS[action];
  // Assigning a request nobody has started puts it in review.
  if (to === 'same') return status === 'received' ? 'in_review' : status;
  return to;
}
