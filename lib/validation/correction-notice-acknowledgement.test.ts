import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { ZCorrectionNoticeAcknowledgement, ZCorrectionNoticeQuery } from './correction-notice-acknowledgement';

const errorsOf = (body: unknown) => {
  const parsed = ZCorrectionNoticeAcknowledgement.safeParse(body);
  return parsed.success ? null : fieldErrors(parsed.error);
};

describe('an acknowledgement of correction notices', () => {
  it('takes 1 to 100 notice ids', () => {
    const ids = Array.from({ length: 100 }, () => randomUUID());
    expect(ZCorrectionNoticeAcknowledgement.parse({ ids: ids.slice(0, 1) })).toEqual({ ids: ids.slice(0, 1) });
    expect(ZCorrectionNoticeAcknowledgement.parse({ ids })).toEqual({ ids });
  });

  it('says in plain English what is wrong', () => {
    expect(errorsOf({ ids: [] })).toEqual({ ids: 'Send at least one correction notice id' });
    expect(errorsOf({ ids: Array.from({ length: 101 }, () => randomUUID()) })).toEqual({ ids: 'Send no more than 100 correction notice ids at a time' });
    expect(errorsOf({ ids: [randomUUID(), 'LS6 2AB'] })).toEqual({ ids: 'Each id must be the id of a correction notice, as the list gave it' });
    expect(errorsOf({})).toEqual({ ids: 'Send "ids": a list of correction notice ids' });
    expect(errorsOf(null)).toEqual({ form: 'Send a JSON object with "ids": a list of correction notice ids' });
  });
});

describe('the page size of the list', () => {
  it('is optional, and a whole number from 1 to 100', () => {
    expect(ZCorrectionNoticeQuery.parse({})).toEqual({});
    expect(ZCorrectionNoticeQuery.parse({ limit: '25' })).toEqual({ limit: 25 });
    for (const limit of ['0', '101', '2.5', 'all']) expect(ZCorrectionNoticeQuery.safeParse({ limit }).success).toBe(false);
  });
});
