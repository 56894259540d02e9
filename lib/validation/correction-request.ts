import { z } from 'zod';
import { CHANGE_SCHEMAS } from './correction-change';
import { plainString } from './plain-text';

const optionalText = (max: number, tooLong: string) =>
  plainString()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || undefined);

/** Whether a correctable item's key (`<kind>:<id>:<field>`) is the address, which is asked for as address fields. */
export const isAddressItem = (item: string | undefined) => typeof item === 'string' && item.startsWith('address:');

const request = z.object({
  item: plainString('Select what is wrong').min(1, 'Select what is wrong').max(200, 'Select what is wrong from the list'),
  requestedValue: optionalText(500, 'What it should be must be 500 characters or fewer'),
  line1: optionalText(100, 'Must be 100 characters or fewer'),
  line2: optionalText(100, 'Must be 100 characters or fewer'),
  town: optionalText(100, 'Must be 100 characters or fewer'),
  postcode: optionalText(20, 'Enter a full postcode, like LS6 2AB'),
  explanation: optionalText(1000, 'Your explanation must be 1,000 characters or fewer'),
});

/** The first question of a correction request, "What is wrong?", on a page of its own. */
export const ZCorrectionItem = request.pick({ item: true });

/**
 * A request to correct one item: used by the browser form (react-hook-form) and the server action alike. An address
 * is asked for in the fields a caseworker applies (the same schema checks both), so that what was asked can be
 * approved as it stands; anything else in the requester's words.
 */
export const ZCorrectionRequest = request
  .superRefine((v, ctx) => {
    if (!isAddressItem(v.item)) {
      if (!v.requestedValue) ctx.addIssue({ code: 'custom', path: ['requestedValue'], message: 'Say what it should be' });
      return;
    }
    const address = CHANGE_SCHEMAS['address:address'].safeParse({ line1: v.line1 ?? '', line2: v.line2, town: v.town ?? '', postcode: v.postcode ?? '' });
    for (const issue of address.success ? [] : address.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  })
  .transform(({ item, requestedValue, line1, line2, town, postcode, explanation }) => {
    if (!isAddressItem(item)) return { item, requestedValue: requestedValue!, explanation };
    const address = CHANGE_SCHEMAS['address:address'].parse({ line1, line2, town, postcode });
    const words = [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ');
    return { item, requestedValue: words, address, explanation };
  });
export type TCorrectionRequestInput = z.input<typeof ZCorrectionRequest>;
export type TCorrectionRequest = { item: string; requestedValue: string; address?: z.output<(typeof CHANGE_SCHEMAS)['address:address']>; explanation?: string };

export const ZCorrectionReply = z.object({
  message: plainString('Enter your reply').min(1, 'Enter your reply').max(2000, 'Your reply must be 2,000 characters or fewer'),
});
export type TCorrectionReply = z.output<typeof ZCorrectionReply>;
