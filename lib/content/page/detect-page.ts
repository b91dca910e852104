/**
 * What kind of page this is, and where its article is.
 *
 * 1. The host must be the publisher's, exactly.
 * 2. A path in an article record's URL rules (query, fragment and trailing
 *    slash ignored; articleForUrl, asked of the background) names the annotated article; its <article> is the one
 *    whose <h1> is the headline, or failing that, the one that holds most of
 *    the record's fingerprint quotes (a headline the publisher edited).
 * 3. Another /en/<id> path is another article: entities only.
 * The article element may not be rendered yet (client-side rendering): the
 * caller waits and asks again.
 */
import type { PageLocation } from '../../shared/analysis/article-for-url';
import type { Article } from '../../shared/annotations/types';
import { normalizeText } from '../../shared/text/normalize';
import { findArticleRoot, headlineOf } from './find-article-root';
import { pageDate } from './page-date';
import { isEnglishArticlePath, isPublisherHost, normalizePath } from '../../shared/publisher';

export type { PageLocation };

export type DetectedPage =
  | { kind: 'article'; article: Article; root: Element; date: string }
  | { kind: 'other-article'; root: Element; date: string | null }
  /** An article URL whose article element is not (yet) on the page. */
  | { kind: 'pending'; article?: Article }
  | { kind: 'not-article' }
  | { kind: 'not-publisher' };

function rootByFingerprints(doc: Document, article: Article): Element | null {
  const quotes = article.fingerprints.map(normalizeText);
  let best: Element | null = null;
  let bestCount = 0;
  const candidates = doc.querySelectorAll('article');
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (!headlineOf(candidate)) continue;
    const text = normalizeText(candidate.textContent ?? '');
    const count = quotes.filter((q) => text.includes(q)).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return bestCount * 2 > quotes.length ? best : null;
}

/** `article` is the annotated article at `url` (the background looks it up: articleForUrl), if any. */
export function detectPage(doc: Document, url: PageLocation, article: Article | null | undefined): DetectedPage {
  if (!isPublisherHost(url.hostname)) return { kind: 'not-publisher' };
  if (article) {
    const root = findArticleRoot(doc, article.headline) ?? rootByFingerprints(doc, article);
    // The record's date is authoritative for its own article.
    return root ? { kind: 'article', article, root, date: article.published } : { kind: 'pending', article };
  }
  if (!isEnglishArticlePath(url.pathname)) return { kind: 'not-article' };
  const root = findArticleRoot(doc);
  return root ? { kind: 'other-article', root, date: pageDate(root) } : { kind: 'pending' };
}
