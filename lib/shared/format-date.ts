/** Dates as readers expect them ("22 April 2025", "April 2025", "2025"). */
import type { IsoDate } from './annotations/types';

// Each made on first use: creating an Intl.DateTimeFormat loads locale data
// and took about 12 ms in Chromium, which would be paid on every page load
// before Backstory's first line although dates are only shown in cards (and
// the print page's first paint needs only the day format, for its byline).
let dayFormat: Intl.DateTimeFormat | null = null;
let monthFormat: Intl.DateTimeFormat | null = null;

export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  const format = day
    ? (dayFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))
    : (monthFormat ??= new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return format.format(Date.UTC(year, month - 1, day || 1));
}

export function formatDateSpan(date: IsoDate, endDate?: IsoDate): string {
  return endDate ? `${formatDate(date)} – ${formatDate(endDate)}` : formatDate(date);
}
