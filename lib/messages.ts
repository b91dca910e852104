/**
 * Messages between the popup, the content script and the background script.
 * The content script is the source of truth about the page: the popup asks it
 * what is there now rather than reading the data file.
 */
import type { EntityType, SingleSourceCaveat, SummaryPoint, TextDirection } from './annotations/types';

export interface EntityFound {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  dir?: TextDirection;
  lang?: string;
}

export interface NoteOnPage {
  id: string;
  title: string;
  period: 'background' | 'after';
  placed: boolean;
  singleSource: boolean;
}

export interface ArticleSummary {
  id: string;
  url: string;
  headline: string;
  publisher: string;
  published: string;
  summary: SummaryPoint[];
  singleSource?: SingleSourceCaveat;
  lang: string;
  dir?: TextDirection;
}

export type PageStatus =
  /** The annotated article. */
  | 'article'
  /** Another article page of the publisher: entities only. */
  | 'other-article'
  /** A publisher page that is not an article, or whose article has not appeared. */
  | 'no-article'
  /** The reader turned Backstory off for the site. */
  | 'site-off'
  /** The reader turned highlights off for this page. */
  | 'page-off';

export interface PageReport {
  status: PageStatus;
  url: string;
  article?: ArticleSummary;
  entities: EntityFound[];
  notes: NoteOnPage[];
  /** Distinct annotations shown: entities found plus notes placed. */
  annotationCount: number;
  /** Milliseconds the last annotation pass took, start to last highlight. */
  annotateMs?: number;
  /** The page's publication date (YYYY-MM-DD) where it states one: the timeline is marked there. */
  pageDate?: string;
}

export type RevealTarget = { kind: 'entity' | 'note'; id: string };

export type ContentRequest =
  | { type: 'backstory:get-report' }
  | { type: 'backstory:reveal'; target: RevealTarget }
  /** The article as plain text with its placed notes (the print page); answered with an ArticleText or null. */
  | { type: 'backstory:get-article-text' };

export type BackgroundRequest = { type: 'backstory:badge'; count: number };

export function isContentRequest(message: unknown): message is ContentRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'backstory:get-report' || type === 'backstory:reveal' || type === 'backstory:get-article-text';
}

export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  const m = message as { type?: unknown; count?: unknown } | null;
  return m?.type === 'backstory:badge' && typeof m.count === 'number';
}

/** Badge text for a count: empty for none, capped like Hypothesis' badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
