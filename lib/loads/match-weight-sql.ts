import type { LoadWeights } from '@/db/schema';
import { COMPARISON_NAMES } from './comparisons';
import { MATCH_THRESHOLDS } from './match-thresholds';

export const weightLiteral = (v: number) => (Number.isFinite(v) ? v.toFixed(6) : '0');

/** The shares of the row's first and family names among held children (load_name_shares, countNameShares), as `fg` and `ff`. */
export const NAME_SHARE_JOINS = (row: string) => `
  left join load_name_shares fg on fg.kind = 'given' and fg.name = lower(split_part(${row}.given_names, ' ', 1))
  left join load_name_shares ff on ff.kind = 'family' and ff.name = lower(${row}.family_name)`;
const TERM_SHARES: Partial<Record<string, string>> = { given: 'fg.log2_share', family: 'ff.log2_share' };

/**
 * The match weight of a scored pair (columns g_given … g_gender, and NAME_SHARE_JOINS in scope): the sum of its
 * levels' weights; a level of -1 (no value) adds nothing. An exact first or family name is weighed by how common that
 * name is (sharing "Smith" says less than sharing "Boateng") where the weights carry the average u it adjusts:
 * log2(m/u) + log2(u/share), the share at least the minimum, and never below the level under it (an exact common name
 * still says more than a near one).
 */
export function matchWeightSql(weights: LoadWeights): string {
  const floor = weightLiteral(Math.log2(MATCH_THRESHOLDS.minimumNameShare));
  return COMPARISON_NAMES.map((name) => {
    // Weights kept from before a comparison existed have none for it: it then counts for nothing.
    const levels = (weights.weights[name] ?? []).map((w, level) => {
      const exactU = weights.u?.[name]?.[level];
      const share = TERM_SHARES[name];
      if (share && level === weights.weights[name]!.length - 1 && exactU) {
        const below = weightLiteral(weights.weights[name]![level - 1]!);
        return `when ${level} then greatest(${weightLiteral(w + Math.log2(exactU))} - greatest(coalesce(${share}, ${floor}), ${floor}), ${below})`;
      }
      return `when ${level} then ${weightLiteral(w)}`;
    });
    return `(case g_${name} ${levels.join(' ')} else 0 end)`;
  }).join(' + ');
}

/** A pair with the same date of birth and family name but a wholly different first name: a sibling (a twin), never the same child. */
export const SIBLING_LIKE_SQL = '(g_given = 0 and g_dob = 3 and g_family >= 2)';

/**
 * A wholly different family name with the rest agreeing is a change of name (a step-parent's, say) only where the
 * carers do not say otherwise (alias with g_family and g_carer): where both sides name carers and none shares a
 * family name (g_carer 0), the row is as likely another family's child — at 12 M a new child now and then shares a
 * held child's first name, birthday and full postcode — and a caseworker decides.
 */
export const NOT_ANOTHER_FAMILY_SQL = (pair: string) => `not (${pair}.g_family = 0 and ${pair}.g_carer = 0)`;

/** The row's first name is one hardly any held child has (fg in scope): a near first name is then a typo, not a sibling's name. */
export const RARE_FIRST_NAME_SQL = `(coalesce(fg.share, 0) < ${MATCH_THRESHOLDS.rareFirstName})`;

/**
 * What an automatic link needs of a pair (alias with g_given, g_dob, rare_first_name) besides its weight: the same
 * first name, or a near one when the row's is hardly anyone's (a typo: Jacf for Jack; a near real name, Rose for
 * Rosie, may be a twin's), and a date of birth agreeing at least in part (in no part: a sibling far more often than a
 * keying slip).
 */
export const AUTOMATIC_FIRST_NAME_SQL = (pair: string) =>
  `((${pair}.g_given = 3 or (${pair}.g_given >= 1 and ${pair}.rare_first_name)) and ${pair}.g_dob >= 1)`;

/**
 * How many other held children share the row's first and family name and were born on its birthday, expected from
 * the names' shares (NAME_SHARE_JOINS, as `fg` and `ff`) and the children held: some 6,575 birthdays in 18 years.
 */
export const SAME_DAY_NAMESAKES_SQL = (childrenHeld: number) =>
  `(coalesce(fg.share, 0) * coalesce(ff.share, 0) * ${weightLiteral(childrenHeld)} / ${MATCH_THRESHOLDS.birthdaysHeld})`;

/**
 * What an automatic link needs beyond names, birthday and gender (alias with g_postcode, g_carer, g_middle, g_setting
 * and same_day_namesakes): the same postcode or district, the same middle name, the same carer — the same name and the
 * same phone number or email address (scoreCarers' level 3) —, the school or GP practice the child has now
 * (markSameSetting), or a carer of the same name where the child's names
 * are rare enough that a namesake born the same day is unlikely (a carer's common name — Alfie Smith as Olly Smith's
 * father — is shared by chance too often). At national scale some 1,800 children share each birthday and the
 * commonest names are very common, so two children agreeing on name, birthday and gender alone, living elsewhere,
 * are strangers often enough that a caseworker must decide; a parent's own phone or email is what moves with a child.
 */
export const CORROBORATED_SQL = (pair: string) =>
  `(${pair}.g_postcode >= 1 or ${pair}.g_middle = 2 or ${pair}.g_carer = 3 or ${pair}.g_setting = 1
    or (${pair}.g_carer = 2 and ${pair}.same_day_namesakes < ${MATCH_THRESHOLDS.commonNameSameDay}))`;
