/**
 * The one rule for who may learn that a sensitive service (sexual health, substance misuse…) is involved with a
 * child: the record page, the citizen's "who has looked", the audit explorer and its CSV all ask it.
 */

/** Whoever is about to read something that may name a sensitive service. */
export type SensitiveServiceReader =
  | { kind: 'staff'; role: 'practitioner' | 'caseworker' | 'administrator'; sensitiveServiceCode?: string | null }
  | { kind: 'citizen'; relationship: 'self' | 'parent' };

/** Every sensitive service, or only those listed (none, for most readers). */
export type SensitiveServicesSeen = 'every' | readonly string[];

export function sensitiveServicesSeenBy(reader: SensitiveServiceReader): SensitiveServicesSeen {
  if (reader.kind === 'citizen') {
    // A sensitive service is recorded only with the young person's consent (or where significant harm is
    // suspected): it is theirs to know, and theirs to tell. Their parent must never learn it from the index.
    return reader.relationship === 'self' ? 'every' : [];
  }
  // The index team brokers contact, so it sees every service; access managers are not the index team.
  if (reader.role === 'caseworker') return 'every';
  if (reader.role === 'practitioner' && reader.sensitiveServiceCode) return [reader.sensitiveServiceCode];
  return [];
}

export function seesSensitiveService(reader: SensitiveServiceReader, serviceCode: string): boolean {
  const seen = sensitiveServicesSeenBy(reader);
  return seen === 'every' || seen.includes(serviceCode);
}
