/** The steps of matching a load, in order, with what each does in a caseworker's words (the load's progress). */
export const MATCH_STEPS = {
  protected_children: 'looking for shielded and new-identity children the rows resemble',
  source_ids: 'finding the people the source sent before',
  candidate_pairs: 'comparing the rest with children already held',
  weights: 'weighing what agrees',
  decisions: 'deciding each row: linked, new or to review',
} as const;

export type MatchStep = keyof typeof MATCH_STEPS;

export const isMatchStep = (step: unknown): step is MatchStep => typeof step === 'string' && Object.hasOwn(MATCH_STEPS, step);
