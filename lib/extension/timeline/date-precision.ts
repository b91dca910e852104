/**
 * Dates as precise as the data says, no more: "2013" is a year, not
 * 1 January 2013. Ordering puts an earlier start first and, on the same
 * start, the coarser date first (the year 2025 opens before its April does).
 */
import type { IsoDate } from '../../shared/annotations/types';
import { firstDay } from '../../shared/mentions/active-forms';
import { compareCodeUnits } from '../../shared/compare-text';

export type DatePrecision = 'year' | 'month' | 'day';

const RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

export function precisionOf(date: IsoDate): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

export function yearOf(date: IsoDate): string {
  return date.slice(0, 4);
}

/** Chronological order of two (start, end) spans. */
export function compareSpans(a: { date: IsoDate; endDate?: IsoDate }, b: { date: IsoDate; endDate?: IsoDate }): number {
  const start = compareCodeUnits(firstDay(a.date), firstDay(b.date));
  if (start !== 0) return start;
  const precision = RANK[precisionOf(a.date)] - RANK[precisionOf(b.date)];
  if (precision !== 0) return precision;
  // A single day before a period that starts on it: the period reads as "from then on".
  return compareCodeUnits(a.endDate ? firstDay(a.endDate) : '', b.endDate ? firstDay(b.endDate) : '');
}

/** Did it start after `day` (YYYY-MM-DD)? A year or month that contains the day did not. */
export function startsAfter(date: IsoDate, day: string): boolean {
  return firstDay(date) > day;
}
