import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('quotes only the fields that need it, doubling quotes, with CRLF line ends (RFC 4180)', () => {
    expect(toCsv([['a', 'b, c', 'say "hi"', 'two\nlines', 'cr\rhere', 7, null]])).toBe('a,"b, c","say ""hi""","two\nlines","cr\rhere",7,\r\n');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+44 113 496 0000', "'+44 113 496 0000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=cmd', `"'\r=cmd"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('keeps %j from being run as a formula', (cell, expected) => {
    expect(toCsv([[cell]])).toBe(`${expected}\r\n`);
  });

  it('leaves ordinary text, and a sign inside it, alone', () => {
    expect(toCsv([['Sam Taylor', 'a=b', '2026-11-25 09:05:00']])).toBe('Sam Taylor,a=b,2026-11-25 09:05:00\r\n');
  });
});
