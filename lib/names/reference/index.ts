import { ARABIC_SOMALI } from './arabic-somali';
import { CELTIC } from './celtic';
import { EAST_ASIAN } from './east-asian';
import { EAST_EUROPEAN } from './east-european';
import { ENGLISH } from './english';
import { SOUTH_ASIAN } from './south-asian';
import type { NameReference } from './types';
import { WEST_AFRICAN } from './west-african';

export type { NameReference } from './types';

/** Every community's name knowledge, each with its source. */
export const NAME_REFERENCES: readonly NameReference[] = [ENGLISH, CELTIC, SOUTH_ASIAN, ARABIC_SOMALI, WEST_AFRICAN, EAST_EUROPEAN, EAST_ASIAN];
