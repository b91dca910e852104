/** Dates as readers expect them ("22 April 2025", "April 2025", "2025"). */
import type { IsoDate } from './annotations/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  if (!month) return year;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export function formatDateSpan(date: IsoDate, endDate?: IsoDate): string {
  return endDate ? `${formatDate(date)} – ${formatDate(endDate)}` : formatDate(date);
}
