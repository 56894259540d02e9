import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeldChildRecord, RecordViewer } from './child-record';
import { visibleRecord } from './visible-record';

const COUNCILS = ['E08000035', 'E08000036', 'E09000001'] as const;
const SHIELD_COUNCIL = COUNCILS[0];
const provenance = { source: 'Test', lastConfirmedAt: new Date('2026-01-01') };
const organisation = (name: string) => ({ name, kind: 'school', addressLines: [`${name} Road`], phone: '0113 496 0001', email: null });

/** A shielded child held with every item a viewer might see, each a recognisable secret. */
const shieldedRecord: HeldChildRecord = {
  child: {
    id: 'c1',
    indexNumber: '123456789',
    givenNames: 'Ada',
    familyName: 'Secretfamily',
    gender: 'female',
    dateOfBirth: '2015-06-01',
    dateOfDeath: null,
    addressStatus: 'current',
    isShielded: true,
    version: 3,
    provenance,
  },
  otherNames: [],
  address: { lines: ['SECRET-ADDRESS 1 Refuge Lane'], postcode: 'ZZ9 9ZZ', livedFrom: null, provenance },
  carers: [
    {
      id: 'k1',
      givenNames: 'Mum',
      familyName: 'Secretfamily',
      relationship: 'mother',
      hasParentalResponsibility: true,
      phone: 'SECRET-PHONE',
      email: null,
      addressLines: null,
      provenance,
      contactProvenance: provenance,
    },
  ],
  education: [{ organisation: organisation('SECRET-SCHOOL'), since: null, provenance }],
  gp: [{ organisation: organisation('SECRET-GP'), since: null, provenance }],
  involvements: [],
  indications: [],
  shieldedBy: { localAuthorityName: 'Council A', phone: '0113 000', email: 'a@example.org' },
  shieldAuthorityCode: SHIELD_COUNCIL,
};

const viewers = fc.record({
  id: fc.constant('viewer'),
  role: fc.constantFrom('practitioner' as const, 'caseworker' as const),
  organisationId: fc.constant('org'),
  localAuthorityCode: fc.option(fc.constantFrom(...COUNCILS), { nil: null }),
  hasChildProtectionRole: fc.boolean(),
  sensitiveServiceCode: fc.constant(null),
}) satisfies fc.Arbitrary<RecordViewer>;

/** DOMAIN: only the index team of the council holding the shield, or a child-protection practitioner's override. */
const entitledToFullView = (viewer: RecordViewer, overridden: boolean) =>
  (viewer.role === 'caseworker' && viewer.localAuthorityCode === SHIELD_COUNCIL) ||
  (overridden && viewer.role === 'practitioner' && viewer.hasChildProtectionRole);

describe('who sees a shielded record in full', () => {
  it('is only the index team of the council holding the shield, or a child-protection practitioner’s override', () => {
    fc.assert(
      fc.property(viewers, fc.boolean(), (viewer, shieldOverridden) => {
        const view = visibleRecord({ record: shieldedRecord, viewer, shieldOverridden });
        expect(view.kind).toBe(entitledToFullView(viewer, shieldOverridden) ? 'full' : 'shielded');
        if (view.kind === 'shielded') {
          const text = JSON.stringify(view);
          for (const secret of ['SECRET-ADDRESS', 'ZZ9 9ZZ', 'SECRET-PHONE', 'SECRET-SCHOOL', 'SECRET-GP']) expect(text).not.toContain(secret);
          expect(view.indexTeam.localAuthorityName).toBe('Council A');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows another council’s caseworker what a practitioner sees, with whom to call', () => {
    const elsewhere: RecordViewer = { id: 'b', role: 'caseworker', organisationId: 'org-b', localAuthorityCode: COUNCILS[1], hasChildProtectionRole: false, sensitiveServiceCode: null };
    const practitioner: RecordViewer = { ...elsewhere, role: 'practitioner' };
    const seenByCaseworker = visibleRecord({ record: shieldedRecord, viewer: elsewhere, shieldOverridden: false });
    const seenByPractitioner = visibleRecord({ record: shieldedRecord, viewer: practitioner, shieldOverridden: false });
    expect(seenByCaseworker).toEqual(seenByPractitioner);
  });
});
