import type { AlertSummary } from '@/lib/alerts/select-alerts';

export const ALERT_KINDS: Record<AlertSummary['kind'], { text: string; tag: string }> = {
  shield_override: { text: 'Shield override', tag: 'govuk-tag--red' },
  emergency_access: { text: 'Emergency access', tag: 'govuk-tag--orange' },
  unusual_volume: { text: 'Many more views than peers', tag: 'govuk-tag--yellow' },
  out_of_hours: { text: 'Views at night', tag: 'govuk-tag--yellow' },
  searching_without_viewing: { text: 'Searches without viewing', tag: 'govuk-tag--yellow' },
  possible_relative: { text: 'Possible relative', tag: 'govuk-tag--purple' },
  repeated_refusals: { text: 'Refused again and again', tag: 'govuk-tag--orange' },
};
