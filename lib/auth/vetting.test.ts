import { describe, expect, it } from 'vitest';
import { vettingProblems, type VettingSubject } from './vetting';

const now = new Date('2026-11-25T10:00:00Z');
const vetted: VettingSubject = {
  status: 'active',
  trainingCompletedOn: '2026-01-10',
  userAgreementSignedOn: '2026-01-10',
  policeCheckExpiresOn: '2028-01-01',
  lastActiveAt: new Date('2026-11-20T09:00:00Z'),
  organisationAccreditedUntil: '2027-03-31',
};

describe('vetting', () => {
  it('lets a fully vetted, recently active user in', () => {
    expect(vettingProblems(vetted, now)).toEqual([]);
  });

  it.each([
    [{ policeCheckExpiresOn: '2026-11-24' }, 'police_check', /expired on 24 November 2026\./],
    [{ policeCheckExpiresOn: null }, 'police_check', /no enhanced police check/],
    [{ trainingCompletedOn: null }, 'training', /mandatory training/],
    [{ userAgreementSignedOn: null }, 'agreement', /user agreement/],
    [{ organisationAccreditedUntil: '2026-11-24' }, 'accreditation', /accreditation/],
    [{ organisationAccreditedUntil: null }, 'accreditation', /accreditation/],
    [{ status: 'suspended' as const }, 'account', /suspended/],
    [{ status: 'pending_activation' as const }, 'account', /not been activated/],
    [{ lastActiveAt: new Date('2026-08-20T09:00:00Z') }, 'inactivity', /more than 90 days/],
  ])('refuses %o, saying which item (%s) and whom to contact', (change, item, message) => {
    const problems = vettingProblems({ ...vetted, ...change }, now);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.item).toBe(item);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.message).toMatch(/access manager/);
  });

  it('accepts a police check that expires today, and refuses it the day after', () => {
    expect(vettingProblems({ ...vetted, policeCheckExpiresOn: '2026-11-25' }, now)).toEqual([]);
    expect(vettingProblems({ ...vetted, policeCheckExpiresOn: '2026-11-25' }, new Date('2026-11-26T00:00:01Z'))).toHaveLength(1);
  });

  it('lists every problem at once', () => {
    const problems = vettingProblems({ ...vetted, trainingCompletedOn: null, policeCheckExpiresOn: null }, now);
    expect(problems.map((p) => p.item)).toEqual(['training', 'police_check']);
  });

  it('counts days in England: a check that ended yesterday has ended at half past midnight in summer', () => {
    const halfPastMidnightInJuly = new Date('2026-07-01T23:30:00Z'); // 00:30 on 2 July in London
    expect(vettingProblems({ ...vetted, policeCheckExpiresOn: '2026-07-01' }, halfPastMidnightInJuly).map((p) => p.item)).toEqual(['police_check']);
    expect(vettingProblems({ ...vetted, organisationAccreditedUntil: '2026-07-01' }, halfPastMidnightInJuly).map((p) => p.item)).toEqual(['accreditation']);
    expect(vettingProblems({ ...vetted, lastActiveAt: new Date('2026-06-30T09:00:00Z'), policeCheckExpiresOn: '2026-07-02' }, halfPastMidnightInJuly)).toEqual([]);
  });

  it('accepts an accreditation that ends today, and refuses it the day after', () => {
    expect(vettingProblems({ ...vetted, organisationAccreditedUntil: '2026-11-25' }, now)).toEqual([]);
    expect(vettingProblems({ ...vetted, organisationAccreditedUntil: '2026-11-25' }, new Date('2026-11-26T00:00:01Z')).map((p) => p.item)).toEqual(['accreditation']);
  });

  it('suspends after exactly 90 days unused, not a moment before', () => {
    const last = new Date(now.getTime() - 90 * 86_400_000);
    expect(vettingProblems({ ...vetted, lastActiveAt: last }, now)).toEqual([]);
    expect(vettingProblems({ ...vetted, lastActiveAt: new Date(last.getTime() - 1) }, now).map((p) => p.item)).toEqual(['inactivity']);
    expect(vettingProblems({ ...vetted, lastActiveAt: null }, now)).toEqual([]);
  });
});
