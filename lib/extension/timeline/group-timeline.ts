/**
 * The timeline read as a story: years in order, up to the day of the
 * article (or the page being read), then what came after under its own
 * heading. An item belongs after only if it started after that day: "2025"
 * or "April 2025" holds the article's own day, so it stays before.
 */
import type { TimelineItem } from './build-timeline';
import { startsAfter, yearOf } from './date-precision';

export interface YearGroup {
  year: string;
  items: TimelineItem[];
}

export interface GroupedTimeline {
  /** Up to and including the marked day (everything, when no day is known). */
  before: YearGroup[];
  /** After the marked day. */
  after: YearGroup[];
}

export function groupByYear(items: readonly TimelineItem[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const item of items) {
    const year = yearOf(item.date);
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}

/** `items` must be in timeline order; `markDay` is YYYY-MM-DD or null when the page's date is unknown. */
export function groupTimeline(items: readonly TimelineItem[], markDay: string | null): GroupedTimeline {
  if (!markDay) return { before: groupByYear(items), after: [] };
  return {
    before: groupByYear(items.filter((item) => !startsAfter(item.date, markDay))),
    after: groupByYear(items.filter((item) => startsAfter(item.date, markDay))),
  };
}
