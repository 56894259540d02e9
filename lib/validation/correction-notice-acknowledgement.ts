import { z } from 'zod';

/** The most notices a source fetches or acknowledges in one call. */
export const MAX_NOTICES_PER_CALL = 100;

/** A source system saying it has taken these correction notices in (POST /api/v1/correction-notices/acknowledgements). */
export const ZCorrectionNoticeAcknowledgement = z.object(
  {
    ids: z
      .array(z.uuid('Each id must be the id of a correction notice, as the list gave it'), 'Send "ids": a list of correction notice ids')
      .min(1, 'Send at least one correction notice id')
      .max(MAX_NOTICES_PER_CALL, `Send no more than ${MAX_NOTICES_PER_CALL} correction notice ids at a time`),
  },
  'Send a JSON object with "ids": a list of correction notice ids',
);
export type TCorrectionNoticeAcknowledgement = z.infer<typeof ZCorrectionNoticeAcknowledgement>;

const LIMIT_MESSAGE = `The limit must be a whole number from 1 to ${MAX_NOTICES_PER_CALL}`;

/** The optional page size of GET /api/v1/correction-notices (`?limit=`); the address carries nothing else. */
export const ZCorrectionNoticeQuery = z.object({
  limit: z.coerce.number(LIMIT_MESSAGE).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(MAX_NOTICES_PER_CALL, LIMIT_MESSAGE).optional(),
});
