import { z } from 'zod';
import { plainString } from './plain-text';
import { recordVersion } from './record-id';

/** Setting or lifting a shield: the reason goes into the record's history, the version is the one the caseworker saw. */
export const ZShieldChange = z.object({
  reason: plainString('Enter the reason')
    .min(1, 'Enter the reason')
    .max(1000, 'The reason must be 1,000 characters or fewer'),
  expectedVersion: recordVersion('The page is out of date: open the record again'),
});
export type TShieldChangeInput = z.input<typeof ZShieldChange>;
export type TShieldChange = z.output<typeof ZShieldChange>;
