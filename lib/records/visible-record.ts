import { seesSensitiveService } from '@/lib/sensitive-services/sensitive-services-seen-by';
import type { HeldChildRecord, HeldInvolvement, RecordView, RecordViewer, VisibleInvolvement } from './child-record';

/** The index team keeps the index accurate and brokers contact: it sees the record as held. */
const isIndexTeam = (viewer: RecordViewer) => viewer.role === 'caseworker';

/**
 * Sexual health, mental health, substance misuse…: only that service's own practitioners (and the index team) see
 * who provides it; anyone else learns only that a service is involved and whom to ask. A practitioner always sees
 * the involvement they recorded themselves.
 */
export function involvementAsSeenBy(involvement: HeldInvolvement, viewer: RecordViewer): VisibleInvolvement {
  const isViewers = involvement.practitionerStaffId === viewer.id;
  if (!involvement.isSensitive || isViewers || seesSensitiveService({ kind: 'staff', ...viewer }, involvement.serviceCode)) {
    return { ...involvement, withheld: false, isViewers };
  }
  return { id: involvement.id, withheld: true, brokeredBy: involvement.brokeredBy };
}

export type VisibleRecordOptions = { record: HeldChildRecord; viewer: RecordViewer; shieldOverridden: boolean };

/**
 * The DOMAIN rules for what a member of staff sees. A shielded record shows a practitioner only name, gender, date
 * of birth, index number and the parents' names, with the index team to call — unless a child-protection
 * practitioner has overridden the shield for this view.
 */
export function visibleRecord({ record, viewer, shieldOverridden }: VisibleRecordOptions): RecordView {
  if (viewer.role === 'administrator') throw new Error('Administrators do not view children’s records');
  const overridden = shieldOverridden && record.shieldedBy !== null && viewer.hasChildProtectionRole;
  if (record.shieldedBy && !isIndexTeam(viewer) && !overridden) {
    const { id, indexNumber, givenNames, familyName, gender, dateOfBirth } = record.child;
    return {
      kind: 'shielded',
      child: { id, indexNumber, givenNames, familyName, gender, dateOfBirth },
      parents: record.carers
        .filter((c) => c.hasParentalResponsibility)
        .map(({ givenNames, familyName, relationship }) => ({ givenNames, familyName, relationship })),
      indexTeam: record.shieldedBy,
      mayOverride: viewer.hasChildProtectionRole,
    };
  }
  return {
    kind: 'full',
    shieldOverridden: overridden,
    record: { ...record, involvements: record.involvements.map((i) => involvementAsSeenBy(i, viewer)) },
  };
}
