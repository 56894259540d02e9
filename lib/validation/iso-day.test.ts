import { describe, expect, it } from 'vitest';
import { isRealIsoDay } from './iso-day';
import { ZLoadUpload } from './load-upload';

describe('a real calendar day', () => {
  it('is a day that exists, written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2026-12-31', '1900-01-01'].filter(isRealIsoDay)).toHaveLength(3);
  });

  it('is not a month or day out of range, a 29 February of a common year, or another way of writing a day', () => {
    const notDays = ['2019-13-05', '2019-00-10', '2019-02-30', '2023-02-29', '2019-04-31', '2019-1-05', '05/01/2019', '2019-01-05T00:00', ''];
    expect(notDays.filter(isRealIsoDay)).toEqual([]);
  });

  it('gives a load sent through the API a plain message for a day that does not exist, not an error', () => {
    const parsed = ZLoadUpload.safeParse({ source: 'LA-1', asOf: '2026-13-01' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['asOf must be a real date']);
  });
});
