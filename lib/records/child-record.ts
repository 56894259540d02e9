/**
 * A child's record as held, and as a particular member of staff may see it. The loader builds the first, the rules
 * in visible-record.ts turn it into the second; pages only ever receive the second.
 */

/** Where an item came from and when it was last confirmed. */
export type Provenance = { source: string; lastConfirmedAt: Date };

export type OrganisationContact = {
  name: string;
  kind: string;
  addressLines: string[];
  phone: string | null;
  email: string | null;
};

export type ChildIdentity = {
  id: string;
  indexNumber: string;
  givenNames: string;
  familyName: string;
  gender: 'female' | 'male' | 'not_specified';
  dateOfBirth: string;
};

export type IndexTeamContact = { localAuthorityName: string; phone: string; email: string };

export type HeldChild = ChildIdentity & {
  dateOfDeath: string | null;
  addressStatus: 'current' | 'last_known' | 'no_known_address' | 'left_england';
  isShielded: boolean;
  version: number;
  provenance: Provenance;
};

export type HeldOtherName = { kind: 'former' | 'alias'; givenNames: string; familyName: string; usedUntil: string | null; provenance: Provenance };

export type HeldAddress = { lines: string[]; postcode: string; livedFrom: string | null; provenance: Provenance };

export type HeldCarer = {
  id: string;
  givenNames: string;
  familyName: string;
  relationship: 'mother' | 'father' | 'carer' | 'foster_carer' | 'other';
  hasParentalResponsibility: boolean;
  phone: string | null;
  email: string | null;
  /** Only when it differs from the child's. */
  addressLines: string[] | null;
  /** Of the relationship and parental responsibility (the link to the child). */
  provenance: Provenance;
  /** Of the phone and email: a later load or a caseworker may have changed them since the link was made. */
  contactProvenance: Provenance;
};

export type HeldSetting = { organisation: OrganisationContact; since: string | null; provenance: Provenance };

export type HeldInvolvement = {
  id: string;
  serviceCode: string;
  serviceName: string;
  isSensitive: boolean;
  organisation: OrganisationContact | null;
  /** The index team that brokers contact with a sensitive service: the provider's local authority. */
  brokeredBy: IndexTeamContact | null;
  practitionerStaffId: string | null;
  practitionerName: string | null;
  practitionerRole: string | null;
  phone: string | null;
  email: string | null;
  since: string;
  provenance: Provenance;
};

export type HeldIndication = {
  id: string;
  kind: 'caf_assessment' | 'lead_professional';
  recordedOn: string;
  organisationId: string | null;
  organisation: OrganisationContact | null;
  contactStaffId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  provenance: Provenance;
};

/** Everything the index holds about a live child, current items only. */
export type HeldChildRecord = {
  child: HeldChild;
  otherNames: HeldOtherName[];
  address: HeldAddress | null;
  carers: HeldCarer[];
  education: HeldSetting[];
  gp: HeldSetting[];
  involvements: HeldInvolvement[];
  indications: HeldIndication[];
  /** Set while the record is shielded: the index team that brokers contact. */
  shieldedBy: IndexTeamContact | null;
  /** The code of the council holding the shield: its index team alone sees the record whole. */
  shieldAuthorityCode: string | null;
};

/** Who is looking, with what they are entitled to. */
export type RecordViewer = {
  id: string;
  role: 'practitioner' | 'caseworker' | 'administrator';
  organisationId: string;
  /** The council a caseworker's index team belongs to. */
  localAuthorityCode: string | null;
  hasChildProtectionRole: boolean;
  sensitiveServiceCode: string | null;
};

/** A sensitive service seen by someone outside it: that a service is involved, and who brokers contact. */
export type WithheldInvolvement = { id: string; withheld: true; brokeredBy: IndexTeamContact | null };

export type VisibleInvolvement = (HeldInvolvement & { withheld: false; isViewers: boolean }) | WithheldInvolvement;

export type FullRecordView = {
  kind: 'full';
  /** True when a child-protection practitioner overrode the shield for this one page view. */
  shieldOverridden: boolean;
  record: Omit<HeldChildRecord, 'involvements'> & { involvements: VisibleInvolvement[] };
};

/** What a practitioner sees of a shielded record: who the child is, the parents' names, and whom to call. */
export type ShieldedRecordView = {
  kind: 'shielded';
  child: ChildIdentity;
  parents: { givenNames: string; familyName: string; relationship: HeldCarer['relationship'] }[];
  indexTeam: IndexTeamContact;
  mayOverride: boolean;
};

export type RecordView = FullRecordView | ShieldedRecordView;
