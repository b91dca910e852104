/**
 * The part of the set one page needs: the entities it mentions (and its
 * article's publisher, which the popup names), its article's notes (placed or
 * not: the popup lists the ones that could not be placed) and every source
 * those cite. Its size follows the page, not the set.
 */
import type { AnnotationSet, Article, Entity, Note, Source } from '../annotations/types';

export interface PageRecords {
  entities: Entity[];
  notes: Note[];
  sources: Source[];
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

export function pageRecords(set: AnnotationSet, entityIds: ReadonlySet<string>, article: Article | undefined): PageRecords {
  const entities = set.entities.filter((e) => entityIds.has(e.id) || e.id === article?.publisher);
  const noteIds = new Set(article?.notes ?? []);
  const notes = set.notes.filter((n) => noteIds.has(n.id));
  const sourceIds = new Set<string>();
  collectSourceIds(entities, sourceIds);
  collectSourceIds(notes, sourceIds);
  return { entities, notes, sources: set.sources.filter((s) => sourceIds.has(s.id)) };
}
