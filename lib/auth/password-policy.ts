import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { DEMO_PASSWORD } from '@/lib/reference/demo-credentials';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export const MIN_PASSWORD_LENGTH = 12;
// zxcvbn's score 3 is "safely unguessable: moderate protection from offline slow-hash attacks".
const MIN_SCORE = 3;

/**
 * Why a new password is refused, or null if it is acceptable. Length and guessability only (NCSC guidance): no
 * composition rules and no forced expiry. Common and breached passwords are refused through zxcvbn-ts's list of
 * passwords ranked by how often they appear in leaked corpora, checked here, offline: this service cannot reach
 * Have I Been Pwned's range API. The demonstration's password is published in README.md, so it is refused by name.
 */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'Password must be 256 characters or fewer';
  if (password.trim().toLowerCase() === DEMO_PASSWORD) return 'That password is the demonstration’s, printed in its instructions: choose another';
  const { score } = zxcvbn.check(password, [...context]);
  if (score < MIN_SCORE) return 'Password is too easy to guess: use three or four unrelated words';
  return null;
}
