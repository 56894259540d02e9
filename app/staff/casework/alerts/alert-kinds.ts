export const ALERT_KINDS: Record<'shield_override' | 'emergency_access', { text: string; tag: string }> = {
  shield_override: { text: 'Shield override', tag: 'govuk-tag--red' },
  emergency_access: { text: 'Emergency access', tag: 'govuk-tag--orange' },
};
