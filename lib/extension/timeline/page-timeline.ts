/**
 * The timeline of one page: the facts of the entities the content script
 * found there and of the page's notes, marked at the page's date (the
 * article's, or the date another article states).
 *
 * It is made in two halves so no extension page has to load the set
 * (docs/decisions/0031-matching-in-the-background.md): the background, which
 * holds the set, answers `timelineData` for the ids a page reported; the page
 * that shows it adds what the report says (`fromTimelineData`).
 */
import type { AnnotationSet, Source } from '../../shared/annotations/types';
import type { PageReport } from '../../shared/messages';
import { buildTimeline, ownerKey, setOwners, type TimelineEntity, type TimelineItem } from './build-timeline';

export interface PageTimeline {
  items: TimelineItem[];
  /** Entities the items name or the page reported, for names and types (events name entities not on the page). */
  entities: Map<string, TimelineEntity>;
  /** Entities found on the page, most mentioned first: they can be revealed there. */
  found: TimelineEntity[];
  /** The day the timeline is marked at (YYYY-MM-DD), or null when the page states none. */
  markDay: string | null;
}

/**
 * An item as the background sends it: its sources by register id. The
 * browser serialises a message and parses it again, on both sides, at a cost
 * that grows with its length: the print page waited 12-20 ms for a 174 KB
 * timeline even when warm, about twice that when opening (marks of
 * 2 December 2026). So the answer carries what pages show and no more:
 * each source once, and not the merged wordings (`accounts`), which no page
 * shows. The article's timeline was 321 KB whole, 133 KB with sources by id
 * and 72 KB without the wordings.
 */
export type TimelineWireItem = Omit<TimelineItem, 'sources'> & { sources: string[] };

/** What the background sends: plain data, as a message can carry it. */
export interface TimelineData {
  items: TimelineWireItem[];
  /** Every entity an item names or the request listed, and no other. */
  entities: TimelineEntity[];
  /** Every source an item cites, once. */
  sources: Source[];
}

export type TimelineReport = Pick<PageReport, 'entities' | 'notes' | 'article' | 'pageDate'>;


/** The items for the entities and notes a page reported, with the entities they name. */
export function timelineData(set: AnnotationSet, entityIds: readonly string[], noteIds: readonly string[]): TimelineData {
  const { owners, entities } = setOwners(set);
  const scope = new Set([...entityIds.map((id) => ownerKey('entity', id)), ...noteIds.map((id) => ownerKey('note', id))]);
  const items = buildTimeline({ owners, events: set.events ?? [], scope }, new Set(entities.keys()));
  const named = new Set([...entityIds, ...items.flatMap((item) => item.entities)]);
  const sources = new Map<string, Source>();
  const ids = (list: readonly Source[]) =>
    list.map((source) => {
      sources.set(source.id, source);
      return source.id;
    });
  return {
    items: items.map(({ accounts, ...item }): TimelineWireItem => ({ ...item, sources: ids(item.sources) })),
    entities: [...named].map((id) => entities.get(id)).filter((e): e is TimelineEntity => e !== undefined),
    sources: [...sources.values()],
  };
}

/** The timeline as a page shows it; null when an item cites a source the answer does not carry. */
export function fromTimelineData(data: TimelineData, report: TimelineReport): PageTimeline | null {
  const register = new Map(data.sources.map((source) => [source.id, source]));
  const lookup = (ids: readonly string[]) => ids.map((id) => register.get(id));
  const items: TimelineItem[] = [];
  for (const item of data.items) {
    const sources = lookup(item.sources);
    if (!sources.every((source): source is Source => source !== undefined)) return null;
    items.push({ ...item, sources });
  }
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const found = report.entities.map((e) => entities.get(e.id)).filter((e): e is TimelineEntity => e !== undefined);
  const markDay = report.article?.published ?? report.pageDate ?? null;
  return { items, entities, found, markDay };
}

/** Both halves in one place: for pages and tools that hold the set themselves. */
export function pageTimeline(set: AnnotationSet, report: TimelineReport): PageTimeline {
  return fromTimelineData(
    timelineData(
      set,
      report.entities.map((e) => e.id),
      report.notes.map((n) => n.id),
    ),
    report,
  )!;
}
