/**
 * One community's name knowledge: groups of names that are the same name to the people who use them (spelling
 * variants, short forms and nicknames, other-language forms, transliterations), written "Name|Variant|Variant".
 * A name may sit in several groups (Alex: Alexander's and Alexandra's); two names are variants only when one group
 * holds both. `source` names where the facts came from; the lists themselves are written for this project.
 */
export type NameReference = {
  community: string;
  source: string;
  given: readonly string[];
  family: readonly string[];
};
