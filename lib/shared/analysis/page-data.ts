/**
 * What the content script asks of the annotation set: which annotated article
 * a URL is, and the analysis of an article's text. In the extension the
 * background answers (lib/content/page-data-client.ts sends the messages);
 * tests and tools answer in place with localPageData.
 */
import { runToEnd } from '../anchoring/match-quote';
import type { AnnotationSet, Article } from '../annotations/types';
import type { EntityFormIndex } from '../mentions/entity-forms';
import { type AnalyseRequest, type Analysis, analyseSteps } from './analyse-text';
import { articleForUrl, type PageLocation } from './article-for-url';
import { pageRecords, type PageRecords } from './page-records';

export interface ArticleLookup {
  /** The annotated article at the URL, or null. */
  article: Article | null;
  /** The day the set's background was last checked (the popup shows it). */
  checkedTo: string;
}

export interface PageDataSource {
  article(url: PageLocation): Promise<ArticleLookup>;
  /** Null when the analysis could not be had (the page then shows nothing rather than a guess). */
  analyse(request: AnalyseRequest): Promise<Analysis | null>;
  /** The full records of some entities and notes, for a card about to open; null when they could not be had. */
  records(entityIds: readonly string[], noteIds: readonly string[]): Promise<PageRecords | null>;
}

/** Runs the analysis's steps: through in one go by default; a test on a page may slice them. */
export type StepRunner = (steps: Generator<void, Analysis>) => Promise<Analysis | null>;

export function localPageData(set: AnnotationSet, formIndex: EntityFormIndex, run: StepRunner = (steps) => Promise.resolve(runToEnd(steps))): PageDataSource {
  return {
    article: (url) => Promise.resolve(articleLookup(set, url)),
    analyse: (request) => run(analyseSteps(set, formIndex, request)),
    records: (entityIds, noteIds) => Promise.resolve(pageRecords(set, entityIds, noteIds)),
  };
}

/** The lookup for a URL, in a form the background can answer from a message (host and path only). */
export function articleLookup(set: AnnotationSet, url: PageLocation): ArticleLookup {
  return { article: articleForUrl(set, url) ?? null, checkedTo: set.checkedTo };
}
