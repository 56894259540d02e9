import type { HeldCarer, HeldChild, HeldIndication } from '@/lib/records/child-record';

export const GENDER_LABELS: Record<HeldChild['gender'], string> = { female: 'Female', male: 'Male', not_specified: 'Not specified' };

export const RELATIONSHIP_LABELS: Record<HeldCarer['relationship'], string> = {
  mother: 'Mother',
  father: 'Father',
  carer: 'Carer',
  foster_carer: 'Foster carer',
  other: 'Other',
};

export const ADDRESS_STATUS_LABELS: Record<HeldChild['addressStatus'], string> = {
  current: 'Address',
  last_known: 'Last known address',
  no_known_address: 'No known address',
  left_england: 'Has left England',
};

export const INDICATION_LABELS: Record<HeldIndication['kind'], string> = {
  caf_assessment: 'Early help assessment (CAF) done',
  lead_professional: 'Lead professional',
};
