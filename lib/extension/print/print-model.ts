/**
 * What the print page shows, from three things it is given: the article's
 * text as the page has it (ArticleText), what Backstory found there
 * (PageReport) and the records of what it found (PrintRecords, from the
 * background, which holds the set). Notes are numbered in the order their
 * first passage appears; a note with no place in the text (orphaned, or
 * placed outside every paragraph) is listed apart, never given a number in
 * a paragraph it does not belong to.
 */
import { registerLookup } from '../../shared/annotations/fact-sourcing';
import { endnoteRecord, type EndnoteRecord, type PrintRecords } from './print-records';
import type { EntityType, Source, SummaryPoint, TextDirection } from '../../shared/annotations/types';

/** A note as the print page shows it: its sources looked up in the register. */
export type PrintNote = Omit<EndnoteRecord, 'sources'> & { sources: Source[] };
import type { PageReport } from '../../shared/messages';
import type { ArticleText, BlockKind } from '../../shared/article-text';
import { compareNames } from '../../shared/compare-text';

export type PrintPart = { text: string } | { ref: number; refId: string; noteId: string };

export interface PrintParagraph {
  kind: BlockKind;
  parts: PrintPart[];
}

export interface Endnote {
  n: number;
  note: PrintNote;
  /** Id of the first reference in the text, for the link back. */
  firstRef: string;
}

export interface GlossaryEntry {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  lang?: string;
  dir?: TextDirection;
}

export interface PrintModel {
  headline: string;
  publisher: string;
  published: string;
  url: string;
  lang: string;
  dir?: TextDirection;
  keyPoints: SummaryPoint[];
  paragraphs: PrintParagraph[];
  endnotes: Endnote[];
  /** The article's notes that have no place in the text. */
  unplaced: PrintNote[];
  glossary: GlossaryEntry[];
  /** Latest as-of date of what is printed: the reader sees how current it is. */
  asOf: string;
}

export function buildPrintModel(text: ArticleText, report: PageReport, set: PrintRecords): PrintModel {
  const lookup = registerLookup(set.sources);
  const withSources = (n: EndnoteRecord): PrintNote => ({ ...endnoteRecord(n), sources: n.sources.map(lookup).filter((s): s is Source => s !== undefined) });
  const notesById = new Map(set.notes.map((n) => [n.id, withSources(n)]));
  const entitiesById = new Map(set.entities.map((e) => [e.id, e]));
  const article = report.article;
  const pageNotes = report.notes.map((n) => notesById.get(n.id)).filter((n): n is PrintNote => n !== undefined);
  const pageNoteIds = new Set(pageNotes.map((n) => n.id));

  const anchors = text.anchors
    .filter((a) => pageNoteIds.has(a.noteId))
    .sort((a, b) => a.paragraph - b.paragraph || a.end - b.end || a.start - b.start);
  const numbers = new Map<string, number>();
  const refCount = new Map<string, number>();
  const endnotes: Endnote[] = [];
  const refs = anchors.map((anchor) => {
    let n = numbers.get(anchor.noteId);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(anchor.noteId, n);
      endnotes.push({ n, note: notesById.get(anchor.noteId)!, firstRef: `ref-${n}-1` });
    }
    const count = (refCount.get(anchor.noteId) ?? 0) + 1;
    refCount.set(anchor.noteId, count);
    return { ...anchor, n, refId: `ref-${n}-${count}` };
  });

  // Each marker goes right after its passage.
  const paragraphs = text.paragraphs.map((block, index): PrintParagraph => {
    const here = refs.filter((r) => r.paragraph === index);
    const parts: PrintPart[] = [];
    let at = 0;
    for (const ref of here) {
      if (ref.end > at) parts.push({ text: block.text.slice(at, ref.end) });
      at = Math.max(at, ref.end);
      parts.push({ ref: ref.n, refId: ref.refId, noteId: ref.noteId });
    }
    if (at < block.text.length) parts.push({ text: block.text.slice(at) });
    return { kind: block.kind, parts };
  });

  const glossary = report.entities
    .map((found) => entitiesById.get(found.id))
    .filter((e) => e !== undefined)
    .map((e) => ({ id: e.id, name: e.name, type: e.type, description: e.description, lang: e.lang, dir: e.dir }))
    .sort((a, b) => compareNames(a.name, b.name));

  const asOf = [article?.asOf, ...pageNotes.map((n) => n.asOf)].filter((d): d is string => !!d).sort().at(-1) ?? '';

  return {
    headline: text.headline || article?.headline || '',
    publisher: article?.publisher ?? '',
    published: article?.published ?? report.pageDate ?? '',
    url: text.url,
    lang: article?.lang ?? 'en',
    dir: article?.dir,
    keyPoints: article?.summary ?? [],
    paragraphs,
    endnotes,
    unplaced: pageNotes.filter((n) => !numbers.has(n.id)),
    glossary,
    asOf,
  };
}
