import { describe, expect, it } from 'vitest';
import { toCopyText } from './bulk-writer';

describe('COPY text encoding', () => {
  it('writes nulls, booleans and numbers as PostgreSQL reads them', () => {
    expect(toCopyText([[null, true, false, 42, 'O’Brien']])).toBe('\\N\tt\tf\t42\tO’Brien\n');
  });

  it('escapes the characters that would split a field or a row', () => {
    expect(toCopyText([['a\tb', 'c\nd', 'e\\f', 'g\rh']])).toBe('a\\tb\tc\\nd\te\\\\f\tg\\rh\n');
  });

  it('writes one line per row', () => {
    expect(toCopyText([['x'], ['y']])).toBe('x\ny\n');
  });
});
