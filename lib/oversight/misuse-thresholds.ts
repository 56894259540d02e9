import { env } from '@/lib/env.js';

/**
 * When unusual use of the index raises an alert. Each can be set in the environment (MISUSE_*), so that the index
 * team can tune them against what they see without a release.
 */
export type MisuseThresholds = {
  /** Record views in one hour above which a user is unusual, however busy their peers are… */
  viewsPerHourFloor: number;
  /** …and above this many times the median of the other users of their role who viewed records that hour. */
  peerMultiple: number;
  /** Views in any 15 minutes of the night (London time) that make a burst. */
  outOfHoursBurst: number;
  /** The night: from this hour until `outOfHoursEnd` (0–23, London time). */
  outOfHoursStart: number;
  outOfHoursEnd: number;
  /** Searches in one hour with no record opened: someone looking without a child to help. */
  searchesWithoutViewing: number;
  /** Refused pages, actions and API calls in one hour: someone trying doors that are not theirs. */
  refusalsPerHour: number;
};

export const misuseThresholds = (): MisuseThresholds => ({
  viewsPerHourFloor: env.MISUSE_VIEWS_PER_HOUR,
  peerMultiple: env.MISUSE_PEER_MULTIPLE,
  outOfHoursBurst: env.MISUSE_NIGHT_BURST,
  outOfHoursStart: env.MISUSE_NIGHT_FROM_HOUR,
  outOfHoursEnd: env.MISUSE_NIGHT_UNTIL_HOUR,
  searchesWithoutViewing: env.MISUSE_SEARCHES_WITHOUT_VIEWING,
  refusalsPerHour: env.MISUSE_REFUSALS_PER_HOUR,
});
