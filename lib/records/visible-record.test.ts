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

const involvement = (id: string, serviceCode: string, isSensitive: boolean, practitionerStaffId: string | null): HeldChildRecord['involvements'][number] => ({
  id,
  serviceCode,
  serviceName: `SECRET-SERVICE-${serviceCode}`,
  isSensitive,
  organisation: organisation(`SECRET-ORG-${serviceCode}`),
  brokeredBy: { localAuthorityName: 'Council B', phone: '0113 111', email: 'b@example.org' },
  practitionerStaffId,
  practitionerName: `SECRET-NAME-${serviceCode}`,
  practitionerRole: 'nurse',
  phone: `SECRET-PHONE-${serviceCode}`,
  email: null,
  since: '2026-01-01',
  provenance,
});

describe('who learns that a sensitive service is involved', () => {
  const SENSITIVE = ['sexual_health', 'substance_misuse'] as const;
  const openRecord: HeldChildRecord = { ...shieldedRecord, child: { ...shieldedRecord.child, isShielded: false }, shieldedBy: null, shieldAuthorityCode: null };
  const staffViewers = fc.record({
    id: fc.constantFrom('viewer', 'recorder'),
    role: fc.constantFrom('practitioner' as const, 'caseworker' as const),
    organisationId: fc.constant('org'),
    localAuthorityCode: fc.option(fc.constantFrom(...COUNCILS), { nil: null }),
    hasChildProtectionRole: fc.boolean(),
    sensitiveServiceCode: fc.constantFrom(null, ...SENSITIVE, 'camhs'),
  }) satisfies fc.Arbitrary<RecordViewer>;

  it('is only that service’s own practitioners, whoever recorded it, and the index team: never another sensitive service', () => {
    fc.assert(
      fc.property(staffViewers, fc.constantFrom(...SENSITIVE), fc.constantFrom(null, 'recorder'), (viewer, code, recordedBy) => {
        const other = SENSITIVE.find((c) => c !== code)!;
        const record = { ...openRecord, involvements: [involvement('i1', code, true, recordedBy), involvement('i2', 'school_nurse', false, null)] };
        const view = visibleRecord({ record, viewer, shieldOverridden: false });
        if (view.kind !== 'full') throw new Error('an open record is seen in full');
        const [sensitive, ordinary] = view.record.involvements;
        const entitled = viewer.role === 'caseworker' || viewer.sensitiveServiceCode === code || (recordedBy !== null && viewer.id === recordedBy);
        expect(sensitive!.withheld).toBe(!entitled);
        if (sensitive!.withheld) {
          expect(JSON.stringify(sensitive)).not.toMatch(/SECRET/);
          expect(sensitive!.brokeredBy?.localAuthorityName).toBe('Council B');
        }
        expect(ordinary!.withheld).toBe(false);
        // A practitioner of the other sensitive service is anyone else to this one.
        if (viewer.role === 'practitioner' && viewer.sensitiveServiceCode === other && viewer.id !== recordedBy) expect(sensitive!.withheld).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the shield override', () => {
  it('opens a shielded record only to a child-protection practitioner, never to a caseworker of another council however they ask', () => {
    const caseworker: RecordViewer = { id: 'c', role: 'caseworker', organisationId: 'org-c', localAuthorityCode: COUNCILS[2], hasChildProtectionRole: true, sensitiveServiceCode: null };
    expect(visibleRecord({ record: shieldedRecord, viewer: caseworker, shieldOverridden: true })).toMatchObject({ kind: 'shielded', mayOverride: false });
    const withoutRole: RecordViewer = { ...caseworker, role: 'practitioner', hasChildProtectionRole: false };
    expect(visibleRecord({ record: shieldedRecord, viewer: withoutRole, shieldOverridden: true })).toMatchObject({ kind: 'shielded', mayOverride: false });
    const childProtection: RecordViewer = { ...caseworker, role: 'practitioner' };
    expect(visibleRecord({ record: shieldedRecord, viewer: childProtection, shieldOverridden: true })).toMatchObject({ kind: 'full', shieldOverridden: true });
    expect(visibleRecord({ record: shieldedRecord, viewer: childProtection, shieldOverridden: false })).toMatchObject({ kind: 'shielded', mayOverride: true });
  });
});

describe('what a shielded record shows, and to whom it is not shown at all', () => {
  const practitioner: RecordViewer = { id: 'p', role: 'practitioner', organisationId: 'org', localAuthorityCode: COUNCILS[1], hasChildProtectionRole: false, sensitiveServiceCode: null };

  it('shows who the child is and the parents with parental responsibility, by name and relationship only', () => {
    const record: HeldChildRecord = {
      ...shieldedRecord,
      carers: [...shieldedRecord.carers, { ...shieldedRecord.carers[0]!, id: 'k2', givenNames: 'Stepdad', relationship: 'carer', hasParentalResponsibility: false }],
    };
    const view = visibleRecord({ record, viewer: practitioner, shieldOverridden: false });
    expect(view).toEqual({
      kind: 'shielded',
      child: { id: 'c1', indexNumber: '123456789', givenNames: 'Ada', familyName: 'Secretfamily', gender: 'female', dateOfBirth: '2015-06-01' },
      parents: [{ givenNames: 'Mum', familyName: 'Secretfamily', relationship: 'mother' }],
      indexTeam: shieldedRecord.shieldedBy,
      mayOverride: false,
    });
  });

  it('says an override happened only where there was a shield to override', () => {
    const open: HeldChildRecord = { ...shieldedRecord, shieldedBy: null, shieldAuthorityCode: null };
    const childProtection: RecordViewer = { ...practitioner, hasChildProtectionRole: true };
    expect(visibleRecord({ record: open, viewer: childProtection, shieldOverridden: true })).toMatchObject({ kind: 'full', shieldOverridden: false });
  });

  it('is never drawn for an access manager, who does not view children’s records', () => {
    const administrator: RecordViewer = { ...practitioner, role: 'administrator' };
    expect(() => visibleRecord({ record: shieldedRecord, viewer: administrator, shieldOverridden: false })).toThrow('Administrators do not view children’s records');
  });
});
