/** What the popup is told about the page: built from the current annotations, not the data file alone. */
import type { EntityRef, NoteRef } from '../shared/analysis/page-records';
import type { Article } from '../shared/annotations/types';
import type { PageReport, PageStatus } from '../shared/messages';
import type { AnnotationResult } from './annotate-page';
import { compareNames } from '../shared/compare-text';

/** Distinct notes placed on the page (a note can have several passages). */
export function notesPlaced(result: AnnotationResult): number {
  return new Set(result.notes.map((n) => n.id)).size;
}

/** What the badge counts: entities found plus notes placed. */
export function annotationCount(result: AnnotationResult | null): number {
  return result ? result.mentionCounts.size + notesPlaced(result) : 0;
}

/**
 * The report. When Backstory stopped because the page is too long
 * (annotate-page.ts, MAX_TEXT_CHARS), nothing is highlighted and `tooLong`
 * gives the page's size and the limit, which the popup shows.
 * (Kept as a name for the callers that still use it: PageReport carries the field.)
 */
export type PageReportWithLimits = PageReport;

export function buildPageReport(
  status: PageStatus,
  url: string,
  article: Article | undefined,
  result: AnnotationResult | null,
  entities: Map<string, EntityRef>,
  /** NoteRefs on the page; whole notes (whose singleSource is the caveat itself) in tools and tests. */
  notes: Map<string, Pick<NoteRef, 'title' | 'period'> & { singleSource?: unknown }>,
  checkedTo: string,
  annotateMs?: number,
  pageDate?: string | null,
): PageReportWithLimits {
  const found = [...(result?.mentionCounts ?? [])]
    .map(([{ id, name, type, dir, lang }, mentions]) => ({ id, name, type, mentions, dir, lang }))
    .sort((a, b) => b.mentions - a.mentions || compareNames(a.name, b.name));
  const placed = new Set(result?.notes.map((n) => n.id));
  // The data check makes sure every note an article lists exists.
  const noteList = (article?.notes ?? []).flatMap((id) => {
    const note = notes.get(id);
    return note ? [{ id, title: note.title, period: note.period, placed: placed.has(id), singleSource: !!note.singleSource }] : [];
  });
  return {
    status,
    url,
    article: article && {
      id: article.id,
      url: article.url,
      headline: article.headline,
      publisher: entities.get(article.publisher)?.name ?? article.publisher,
      published: article.published,
      summary: article.summary,
      singleSource: article.singleSource,
      lang: article.lang,
      dir: article.dir,
      asOf: article.asOf,
    },
    entities: found,
    notes: noteList,
    annotationCount: annotationCount(result),
    checkedTo,
    annotateMs: result ? annotateMs : undefined,
    ...(result?.tooLong ? { tooLong: result.tooLong } : {}),
    pageDate: pageDate ?? undefined,
  };
}
