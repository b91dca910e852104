/** Dates as readers expect them ("22 April 2025", "April 2025", "2025"). */
import type { IsoDate } from './annotations/types';

// Written out, not through Intl.DateTimeFormat: creating a format loads
// locale data and took about 12 ms in Chromium for each of the two the
// popup needs, paid on the way to its first paint (issue #17's 100 ms), for
// the one language Backstory's interface has (public/_locales/en). A second
// interface language would bring Intl back, with the format made once.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  return day ? `${day} ${MONTHS[month - 1]} ${year}` : `${MONTHS[month - 1]} ${year}`;
}

export function formatDateSpan(date: IsoDate, endDate?: IsoDate): string {
  return endDate ? `${formatDate(date)} – ${formatDate(endDate)}` : formatDate(date);
}
