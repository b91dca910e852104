/**
 * Places a target's selectors in a text index, in Hypothesis' order: the
 * position hint when the text there is still the quote, else the quote
 * (exact, then fuzzy, scored on context and distance from the hint). What
 * cannot be placed is returned as an orphan with its reason, never dropped.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../annotations/types';
import type { IndexedText } from '../text/indexed-text';
import { runToEnd } from './match-quote';
import { TextPositionAnchor } from './text-position-anchor';
import { TextQuoteAnchor } from './text-quote-anchor';

export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'exact' | 'fuzzy'; score: number }
  | { status: 'orphan'; reason: string };

/** Places a target's selectors in one go (tests, the data check). */
export function anchor(index: IndexedText, selectors: readonly Selector[]): AnchorResult {
  return runToEnd(anchorSteps(index, selectors));
}

/** The same, in steps a caller on the page can yield between (see matchQuoteSteps). */
export function* anchorSteps(index: IndexedText, selectors: readonly Selector[]): Generator<void, AnchorResult> {
  const quoteSelector = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const positionSelector = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quoteSelector) return { status: 'orphan', reason: 'no TextQuoteSelector' };
  const quote = TextQuoteAnchor.fromSelector(index, quoteSelector);

  if (positionSelector) {
    const position = TextPositionAnchor.fromSelector(index, positionSelector);
    if (position && position.quote === quote.exact) {
      return { status: 'anchored', start: position.start, end: position.end, method: 'position', score: 1 };
    }
  }
  const found = yield* quote.locateSteps(positionSelector?.start);
  if (!found) return { status: 'orphan', reason: 'passage not found in the page text' };
  return {
    status: 'anchored',
    start: found.start,
    end: found.end,
    method: found.errors === 0 ? 'exact' : 'fuzzy',
    score: found.score,
  };
}
