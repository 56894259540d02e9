import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance';

describe('edit distance', () => {
  it.each([
    ['brown', 'brown', 0],
    ['brown', 'borwn', 1],
    ['brown', 'brwn', 1],
    ['brown', 'brewn', 1],
    ['brown', 'browne', 1],
    ['smith', 'smyth', 1],
    ['katherine', 'catherine', 1],
    ['abc', 'xyz', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ab', 'ba', 1],
    ['ca', 'abc', 3],
    ['mohammed', 'muhammad', 2],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});
