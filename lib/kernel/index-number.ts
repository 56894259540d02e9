import { randomBytes } from 'node:crypto';
import { encodeIndexNumber, INDEX_NUMBER_BITS } from './index-number-codec';

export { encodeIndexNumber, formatIndexNumber, INDEX_NUMBER_BITS, parseIndexNumber } from './index-number-codec';

export function randomIndexNumber(): string {
  const value = Number(randomBytes(8).readBigUInt64BE(0) >> BigInt(64 - INDEX_NUMBER_BITS));
  return encodeIndexNumber(value);
}
