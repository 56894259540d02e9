import { describe, expect, it } from 'vitest';
import { correctionStatus } from '@/db/schema';
import { canTake, FINISHED, nextStatus, type RequestAction, type RequestStatus, TRANSITIONS } from './request-transitions';

const STATUSES = correctionStatus.enumValues as readonly RequestStatus[];
const ACTIONS = Object.keys(TRANSITIONS) as RequestAction[];

// Written out by hand, not derived from TRANSITIONS, so that a change to the table has to be made here too.
const EXPECTED: Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>> = {
  received: { assign: 'in_review', ask_for_information: 'awaiting_information', approve: 'applied', propose_edit: 'awaiting_approval', refuse: 'refused', close: 'closed' },
  in_review: { assign: 'in_review', ask_for_information: 'awaiting_information', approve: 'applied', propose_edit: 'awaiting_approval', refuse: 'refused', close: 'closed' },
  awaiting_information: { assign: 'awaiting_information', receive_information: 'in_review', close: 'closed' },
  awaiting_approval: { assign: 'awaiting_approval', confirm_edit: 'applied', return_edit: 'in_review', close: 'closed' },
  applied: {},
  refused: {},
  closed: {},
};

describe('correction request transitions', () => {
  for (const status of STATUSES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${status} + ${action} → ${expected ?? 'refused as a conflict'}`, () => {
        expect(canTake(status, action)).toBe(expected !== undefined);
        if (expected) expect(nextStatus(status, action)).toBe(expected);
        else expect(() => nextStatus(status, action)).toThrow(expect.objectContaining({ code: 'conflict' }));
      });
    }
  }

  it('covers every status the database knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...STATUSES].sort());
  });

  it('lets nothing move a finished request', () => {
    for (const status of FINISHED) expect(ACTIONS.filter((action) => canTake(status, action))).toEqual([]);
  });

  it('counts applied, refused and closed as finished, and nothing else', () => {
    expect([...FINISHED].sort()).toEqual(['applied', 'closed', 'refused']);
  });

  it.each<[RequestStatus, RequestAction, string]>([
    ['received', 'receive_information', 'received'],
    ['in_review', 'confirm_edit', 'in review'],
    ['awaiting_information', 'approve', 'waiting for more information'],
    ['awaiting_approval', 'approve', 'waiting for a second caseworker'],
    ['applied', 'approve', 'corrected'],
    ['refused', 'close', 'not changed'],
    ['closed', 'assign', 'closed'],
  ])('tells the caseworker where a %s request is when %s is refused', (status, action, words) => {
    expect(() => nextStatus(status, action)).toThrow(`This request is ${words}, so that cannot be done now.`);
  });
});
