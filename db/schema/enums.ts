import { pgEnum } from 'drizzle-orm/pg-core';

export const gender = pgEnum('gender', ['female', 'male', 'not_specified']);

/** Where the child lives as far as the index knows. */
export const addressStatus = pgEnum('address_status', ['current', 'last_known', 'no_known_address', 'left_england']);

/** A merged-away duplicate keeps its row (and its index number) with status "merged", pointing at the record kept. */
export const recordStatus = pgEnum('record_status', ['live', 'archived', 'merged']);

export const stayOnBasis = pgEnum('stay_on_basis', ['care_leaver', 'learning_difficulty']);

export const otherNameKind = pgEnum('other_name_kind', ['former', 'alias']);

export const carerRelationship = pgEnum('carer_relationship', ['mother', 'father', 'carer', 'foster_carer', 'other']);

export const organisationKind = pgEnum('organisation_kind', [
  'local_authority',
  'school',
  'nursery',
  'college',
  'gp_practice',
  'health_service',
  'youth_service',
  'police',
  'voluntary_sector',
  'other',
]);

export const sourceSystemKind = pgEnum('source_system_kind', [
  'la_childrens_services',
  'school_census',
  'gp_registration',
  'youth_service',
  'health_service',
]);

export const staffRole = pgEnum('staff_role', ['practitioner', 'caseworker', 'administrator']);

export const staffStatus = pgEnum('staff_status', ['pending_activation', 'active', 'suspended']);

export const consentBasis = pgEnum('consent_basis', ['consent', 'significant_harm']);

export const indicationKind = pgEnum('indication_kind', ['caf_assessment', 'lead_professional']);

export const citizenRelationship = pgEnum('citizen_relationship', ['self', 'parent']);

/** How an activation code reaches the person: a letter to the address held, or a parent's email held. */
export const activationChannel = pgEnum('activation_channel', ['post', 'email']);

export const stayOnRequestStatus = pgEnum('stay_on_request_status', ['requested', 'approved', 'refused', 'withdrawn']);

export const correctionMessageAuthor = pgEnum('correction_message_author', ['citizen', 'staff']);

/** Levels of confidence in a citizen's identity, after GOV.UK's identity proofing guidance (GPG 45). */
export const verificationLevel = pgEnum('verification_level', ['low', 'medium', 'high']);

export const recordItemKind = pgEnum('record_item_kind', [
  'child',
  'other_name',
  'address',
  'carer',
  'education',
  'gp',
  'involvement',
  'indication',
]);

export const correctionStatus = pgEnum('correction_status', [
  'received',
  'in_review',
  'awaiting_information',
  'applied',
  'awaiting_approval',
  'refused',
  'closed',
]);

export const actorKind = pgEnum('actor_kind', ['staff', 'citizen', 'api_client', 'system']);

/**
 * Events the index team must look at: every shield override and emergency access, at once; and unusual use found in
 * the audit trail each hour (lib/oversight).
 */
export const alertKind = pgEnum('alert_kind', [
  'shield_override',
  'emergency_access',
  'unusual_volume',
  'out_of_hours',
  'searching_without_viewing',
  'possible_relative',
  'repeated_refusals',
]);
