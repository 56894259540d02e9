import type { RequestStatus } from '@/lib/corrections/request-transitions';
import type { StayOnStatus } from '@/lib/casework/list-stay-on-requests';

export const STATUS_TAGS: Record<RequestStatus, { text: string; tag: string }> = {
  received: { text: 'Received', tag: 'govuk-tag--blue' },
  in_review: { text: 'In review', tag: 'govuk-tag--light-blue' },
  awaiting_information: { text: 'Waiting for information', tag: 'govuk-tag--orange' },
  awaiting_approval: { text: 'Waiting for approval', tag: 'govuk-tag--purple' },
  applied: { text: 'Corrected', tag: 'govuk-tag--green' },
  refused: { text: 'Refused', tag: 'govuk-tag--red' },
  closed: { text: 'Closed', tag: 'govuk-tag--grey' },
};

export const STAY_ON_STATUS_TAGS: Record<StayOnStatus, { text: string; tag: string }> = {
  requested: { text: 'Waiting for a decision', tag: 'govuk-tag--blue' },
  approved: { text: 'Agreed', tag: 'govuk-tag--green' },
  refused: { text: 'Refused', tag: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn or ended', tag: 'govuk-tag--grey' },
};
