/**
 * What a page gets of the set. With its analysis, only references: each
 * found entity's name and type and each of its article's notes' title, which
 * is what the highlights, the popup and the keyboard need. The records a card
 * shows (descriptions, roles, dated facts, note text, sources) are asked for
 * when a card is about to open (docs/decisions/0031-matching-in-the-background.md).
 * Both follow the page, not the set.
 */
import type { AnnotationSet, Article, Entity, Note, Source } from '../annotations/types';

/** An entity as the page names it before any card opens. */
export type EntityRef = Pick<Entity, 'id' | 'name' | 'type' | 'lang' | 'dir'>;

/** A note as the page lists it before any card opens. */
export interface NoteRef {
  id: string;
  title: string;
  period: Note['period'];
  /** The note rests on one unnamed source (the popup says so). */
  singleSource: boolean;
  /** Ids of the entities it concerns (an entity's card lists its notes). */
  entities: string[];
}

export interface PageRefs {
  /** The entities found, and the article's publisher (the popup names it). */
  entities: EntityRef[];
  /** The article's notes, placed or not (the popup lists the ones that could not be placed). */
  notes: NoteRef[];
}

export interface PageRecords {
  entities: Entity[];
  notes: Note[];
  /** Every source the entities and notes cite. */
  sources: Source[];
}

export function pageRefs(set: AnnotationSet, entityIds: ReadonlySet<string>, article: Article | undefined): PageRefs {
  const entities = set.entities
    .filter((e) => entityIds.has(e.id) || e.id === article?.publisher)
    .map(({ id, name, type, lang, dir }) => ({ id, name, type, ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) }));
  const noteIds = new Set(article?.notes ?? []);
  const notes = set.notes
    .filter((n) => noteIds.has(n.id))
    .map((n) => ({ id: n.id, title: n.title, period: n.period, singleSource: !!n.singleSource, entities: n.entities }));
  return { entities, notes };
}

/** Every source id cited anywhere in a record (facts, roles, notes' paragraphs: all carry `sources`). */
function collectSourceIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSourceIds(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(field)) {
        for (const id of field) if (typeof id === 'string') into.add(id);
      } else {
        collectSourceIds(field, into);
      }
    }
  }
}

/** The set's sources that any of these records cite, in the set's order. */
export function sourcesCitedBy(set: AnnotationSet, ...records: unknown[]): Source[] {
  const sourceIds = new Set<string>();
  collectSourceIds(records, sourceIds);
  return set.sources.filter((s) => sourceIds.has(s.id));
}

/** A PageRecords answer as a receiver checks it before use. */
export function isPageRecords(value: unknown): value is PageRecords {
  const isList = (list: unknown) => Array.isArray(list) && list.every((r) => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string');
  return typeof value === 'object' && value !== null && isList((value as PageRecords).entities) && isList((value as PageRecords).notes) && isList((value as PageRecords).sources);
}

/** The records of some entities and notes, with the sources they cite (unknown ids are left out). */
export function pageRecords(set: AnnotationSet, entityIds: readonly string[], noteIds: readonly string[]): PageRecords {
  const wantedEntities = new Set(entityIds);
  const wantedNotes = new Set(noteIds);
  const entities = set.entities.filter((e) => wantedEntities.has(e.id));
  const notes = set.notes.filter((n) => wantedNotes.has(n.id));
  return { entities, notes, sources: sourcesCitedBy(set, entities, notes) };
}
