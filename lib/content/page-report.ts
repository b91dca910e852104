/** What the popup is told about the page: built from the current annotations, not the data file alone. */
import type { Article, Entity, Note } from '../annotations/types';
import type { PageReport, PageStatus } from '../messages';
import type { AnnotationResult } from './annotate-page';

/** Distinct notes placed on the page (a note can have several passages). */
export function notesPlaced(result: AnnotationResult): number {
  return new Set(result.notes.map((n) => n.id)).size;
}

/** What the badge counts: entities found plus notes placed. */
export function annotationCount(result: AnnotationResult | null): number {
  return result ? result.mentionCounts.size + notesPlaced(result) : 0;
}

export function buildPageReport(
  status: PageStatus,
  url: string,
  article: Article | undefined,
  result: AnnotationResult | null,
  entities: Map<string, Entity>,
  notes: Map<string, Note>,
  annotateMs?: number,
  pageDate?: string | null,
): PageReport {
  const found = [...(result?.mentionCounts ?? [])]
    .map(([id, mentions]) => {
      const { name, type, dir, lang } = entities.get(id)!;
      return { id, name, type, mentions, dir, lang };
    })
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const placed = new Set(result?.notes.map((n) => n.id));
  const noteList = (article?.notes ?? []).map((id) => {
    const note = notes.get(id)!;
    return { id, title: note.title, period: note.period, placed: placed.has(id), singleSource: !!note.singleSource };
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
    },
    entities: found,
    notes: noteList,
    annotationCount: annotationCount(result),
    annotateMs: result ? annotateMs : undefined,
    pageDate: pageDate ?? undefined,
  };
}
