/** Who is asking, as far as the shield rule cares: their role and the council they work for. */
export type IndexTeamCandidate = { role: string; localAuthorityCode: string | null };

/**
 * Whether this member of staff is the index team of the given council — for a shielded child, the council holding the
 * shield. Any other council's caseworker is, for a shielded record, just another reader: they broker through that
 * council.
 */
export function isIndexTeamFor(staff: IndexTeamCandidate, localAuthorityCode: string | null): boolean {
  return staff.role === 'caseworker' && localAuthorityCode !== null && staff.localAuthorityCode === localAuthorityCode;
}
