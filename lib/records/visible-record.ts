import { seesSensitiveService } from '@/lib/sensitive-services/sensitive-services-seen-by';
import type { HeldChildRecord, HeldInvolvement, RecordView, RecordViewer, VisibleInvolvement } from './child-record';
import { isIndexTeamFor } from './is-index-team-for';

/**
 * Sexual health, mental health, substance misuse…: only that service's own practitioners (and the index team) see
 * who provides it; anyone else learns only that a service is involved and whom to ask. A practitioner always sees
 * the involvement they recorded themselves.
 */
export function involvementAsSeenBy(involvement: HeldInvolvement, viewer: RecordViewer): VisibleInvolvement {
  const isViewers = involvement.practitionerStaffId === viewer.id;
  // Stryker disable next-line StringLiteral: seesSensitiveService asks only whether the reader is a citizen, so any other kind reads as staff
  if (!involvement.isSensitive || isViewers || seesSensitiveService({ kind: 'staff', ...viewer }, involvement.serviceCode)) {
    return { ...involvement, withheld: false, isViewers };
  }
  return { id: involvement.id, withheld: true, brokeredBy: involvement.brokeredBy };
}

export type VisibleRecordOptions = { record: HeldChildRecord; viewer: RecordViewer; shieldOverridden: boolean };

/** Only a practitioner's child-protection role opens the one-view override; a caseworker brokers instead. */
const mayOverrideShield = (viewer: RecordViewer) => viewer.role === 'practitioner' && viewer.hasChildProtectionRole;

/**
 * The DOMAIN rules for what a member of staff sees. A shielded record shows a practitioner only name, gender, date
 * of birth, index number and the parents' names, with the index team to call — unless a child-protection
 * practitioner has overridden the shield for this view. Only the index team of the council holding the shield sees
 * it whole: another council's caseworker sees what a practitioner sees and brokers through that council.
 */
export function visibleRecord({ record, viewer, shieldOverridden }: VisibleRecordOptions): RecordView {
  if (viewer.role === 'administrator') throw new Error('Administrators do not view children’s records');
  const overridden = shieldOverridden && record.shieldedBy !== null && mayOverrideShield(viewer);
  if (record.shieldedBy && !isIndexTeamFor(viewer, record.shieldAuthorityCode) && !overridden) {
    const { id, indexNumber, givenNames, familyName, gender, dateOfBirth } = record.child;
    return {
      kind: 'shielded',
      child: { id, indexNumber, givenNames, familyName, gender, dateOfBirth },
      parents: record.carers
        .filter((c) => c.hasParentalResponsibility)
        .map(({ givenNames, familyName, relationship }) => ({ givenNames, familyName, relationship })),
      indexTeam: record.shieldedBy,
      mayOverride: mayOverrideShield(viewer),
    };
  }
  return {
    kind: 'full',
    shieldOverridden: overridden,
    record: { ...record, involvements: record.involvements.map((i) => involvementAsSeenBy(i, viewer)) },
  };
}
