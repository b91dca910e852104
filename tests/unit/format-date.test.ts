import { describe, expect, it } from 'vitest';
import { formatDate, formatDateSpan } from '../../lib/shared/format-date';

describe('dates as the reader reads them', () => {
  it('writes days and months exactly as British English does (Intl en-GB as the reference)', () => {
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      for (const d of [1, 9, 10, 28]) {
        const iso = `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(formatDate(iso)).toBe(day.format(Date.UTC(2025, m - 1, d)));
      }
      expect(formatDate(`1979-${String(m).padStart(2, '0')}`)).toBe(month.format(Date.UTC(1979, m - 1, 1)));
    }
  });

  it('keeps a date at its real precision, and writes spans with an en dash', () => {
    expect(formatDate('2025-04-22')).toBe('22 April 2025');
    expect(formatDate('2021-03')).toBe('March 2021');
    expect(formatDate('2016')).toBe('2016');
    expect(formatDateSpan('2013', '2021')).toBe('2013 – 2021');
    expect(formatDateSpan('2025-06-13', '2025-06-24')).toBe('13 June 2025 – 24 June 2025');
  });
});
