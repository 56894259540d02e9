/**
 * Who is looking at loads: a system client sees its own organisation's sources' loads; the index team sees the
 * loads of its council's sources and of national sources (the school census, GP registrations).
 */
export type LoadViewer = { organisationId: string; localAuthorityCode?: string | null; national: boolean } ;

/** The SQL condition on a source_systems row `s` for the viewer, with its parameters from $2 on. */
export function loadViewerCondition(viewer: LoadViewer): { condition: string; params: (string | null)[] } {
  if (viewer.national) return { condition: 'true', params: [] };
  if (viewer.localAuthorityCode !== undefined) {
    return { condition: '(s.local_authority_code is null or s.local_authority_code = $2 or s.organisation_id = $3)', params: [viewer.localAuthorityCode ?? null, viewer.organisationId] };
  }
  return { condition: 's.organisation_id = $2', params: [viewer.organisationId] };
}
