/**
 * The timeline of one page: the facts of the entities the content script
 * found there and of the page's notes, marked at the page's date (the
 * article's, or the date another article states).
 */
import type { AnnotationSet } from '../../shared/annotations/types';
import type { PageReport } from '../../shared/messages';
import { buildTimeline, ownerKey, setOwners, type TimelineEntity, type TimelineItem } from './build-timeline';

export interface PageTimeline {
  items: TimelineItem[];
  /** Every entity of the set, for names and types (events name entities not on the page). */
  entities: Map<string, TimelineEntity>;
  /** Entities found on the page, most mentioned first: they can be revealed there. */
  found: TimelineEntity[];
  /** The day the timeline is marked at (YYYY-MM-DD), or null when the page states none. */
  markDay: string | null;
}

export type TimelineReport = Pick<PageReport, 'entities' | 'notes' | 'article' | 'pageDate'>;

export function pageTimeline(set: AnnotationSet, report: TimelineReport): PageTimeline {
  const { owners, entities } = setOwners(set);
  const scope = new Set([
    ...report.entities.map((e) => ownerKey('entity', e.id)),
    ...report.notes.map((n) => ownerKey('note', n.id)),
  ]);
  const items = buildTimeline({ owners, events: set.events ?? [], scope }, new Set(entities.keys()));
  const found = report.entities.map((e) => entities.get(e.id)).filter((e): e is TimelineEntity => e !== undefined);
  const markDay = report.article?.published ?? report.pageDate ?? null;
  return { items, entities, found, markDay };
}
