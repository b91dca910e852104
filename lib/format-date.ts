/** Dates as readers expect them ("22 April 2025", "April 2025", "2025"). */
import type { IsoDate } from './annotations/types';

const FORMATS = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  return (day ? FORMATS.day : FORMATS.month).format(Date.UTC(year, month - 1, day || 1));
}

export function formatDateSpan(date: IsoDate, endDate?: IsoDate): string {
  return endDate ? `${formatDate(date)} – ${formatDate(endDate)}` : formatDate(date);
}
