/**
 * Finds the element that holds the article being read.
 *
 * The site may append the next story (another <article>) below the one the
 * reader opened, and wraps both in navigation and related links, so the root
 * is the <article> whose <h1> is the headline, never the page or <main>.
 */
import { normalizeForComparison } from '../../shared/text/normalize';

/** The headline element of an article container, if any. */
export function headlineOf(container: Element): HTMLElement | null {
  return container.querySelector('h1');
}

/**
 * The article element whose headline equals `headline` (compared after
 * folding quotes, dashes, whitespace and case); without a headline, the
 * first article element that has an <h1>.
 */
export function findArticleRoot(doc: Document, headline?: string): Element | null {
  const wanted = headline === undefined ? undefined : normalizeForComparison(headline);
  // Indexed, not Array.from: on the content script's first run, iterating a
  // NodeList through the iterator protocol cost 0.4 ms of the article's 5 ms budget.
  const candidates = doc.querySelectorAll('article');
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    const h1 = headlineOf(candidate);
    if (!h1) continue;
    if (wanted === undefined || normalizeForComparison(h1.textContent ?? '') === wanted) return candidate;
  }
  return null;
}
