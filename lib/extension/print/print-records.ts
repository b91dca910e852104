/**
 * What the print page needs of the set: the notes it prints as endnotes, the
 * sources those notes cite, and for the glossary each entity's name, type and
 * one-line description. Not the entities' roles, nor any dated fact (the
 * timeline brings those it shows), nor a note's anchors, nor the sources
 * only those cite: on the article the whole records came to 185 KB of
 * message, these to 55 KB, and the print page waits for them before it
 * shows the article (docs/performance.md; page-timeline.ts says what a
 * message's length costs).
 */
import type { AnnotationSet, Entity, Note, Source } from '../../shared/annotations/types';
import { sourcesCitedBy } from '../../shared/analysis/page-records';
import { isRecord } from '../../shared/messages';

/** An entity as the glossary prints it. */
export type GlossaryEntity = Pick<Entity, 'id' | 'name' | 'type' | 'description' | 'lang' | 'dir'>;

/** A note as the endnotes print it. */
export type EndnoteRecord = Pick<Note, 'id' | 'title' | 'body' | 'period' | 'sources' | 'singleSource' | 'asOf' | 'lang' | 'dir'>;

export interface PrintRecords {
  entities: GlossaryEntity[];
  notes: EndnoteRecord[];
  /** The sources the notes cite. */
  sources: Source[];
}

/** What the endnotes print of a note (a whole note record, or one already cut down). */
export function endnoteRecord({ id, title, body, period, sources, singleSource, asOf, lang, dir }: EndnoteRecord): EndnoteRecord {
  return { id, title, body, period, sources, asOf, ...(singleSource ? { singleSource } : {}), ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) };
}

/** The print page's records of some entities and notes (unknown ids are left out). */
export function printRecords(set: AnnotationSet, entityIds: readonly string[], noteIds: readonly string[]): PrintRecords {
  const wantedEntities = new Set(entityIds);
  const wantedNotes = new Set(noteIds);
  const entities = set.entities
    .filter((e) => wantedEntities.has(e.id))
    .map(({ id, name, type, description, lang, dir }) => ({ id, name, type, description, ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) }));
  const notes = set.notes.filter((n) => wantedNotes.has(n.id)).map(endnoteRecord);
  return { entities, notes, sources: sourcesCitedBy(set, notes) };
}

/** A PrintRecords answer as the print page checks it before use. */
export function isPrintRecords(value: unknown): value is PrintRecords {
  const isList = (list: unknown, more: (r: Record<string, unknown>) => boolean = () => true) =>
    Array.isArray(list) && list.every((r) => isRecord(r) && typeof r.id === 'string' && more(r));
  return (
    isRecord(value) &&
    isList(value.entities, (e) => typeof e.name === 'string' && typeof e.type === 'string' && typeof e.description === 'string') &&
    isList(value.notes) &&
    isList(value.sources)
  );
}
