/** A passage by its words and their context (W3C TextQuoteSelector). */
import type { TextQuoteSelector } from '../annotations/types';
import { normalizeText } from '../text/normalize';
import type { IndexedText } from '../text/indexed-text';
import { matchQuote, matchQuoteSteps, type QuoteMatch } from './match-quote';
import { TextPositionAnchor } from './text-position-anchor';

/** Characters of context kept on each side, as Hypothesis does. */
export const CONTEXT_LENGTH = 32;

export class TextQuoteAnchor {
  constructor(
    readonly index: IndexedText,
    readonly exact: string,
    readonly prefix = '',
    readonly suffix = '',
  ) {}

  static fromRange(index: IndexedText, range: Range): TextQuoteAnchor | null {
    const position = TextPositionAnchor.fromRange(index, range);
    if (!position) return null;
    const { text } = index;
    return new TextQuoteAnchor(
      index,
      text.slice(position.start, position.end),
      text.slice(Math.max(0, position.start - CONTEXT_LENGTH), position.start),
      text.slice(position.end, position.end + CONTEXT_LENGTH),
    );
  }

  static fromSelector(index: IndexedText, selector: TextQuoteSelector): TextQuoteAnchor {
    // Data is written with the page's curly quotes; the index has normalised them.
    return new TextQuoteAnchor(
      index,
      normalizeText(selector.exact),
      normalizeText(selector.prefix ?? ''),
      normalizeText(selector.suffix ?? ''),
    );
  }

  /** Where the quote is in the index's text (exact first, then fuzzy), or null. */
  locate(hint?: number): QuoteMatch | null {
    return matchQuote(this.index.text, this.exact, { prefix: this.prefix, suffix: this.suffix, hint });
  }

  /** The same search in steps, for a caller that yields between them. */
  locateSteps(hint?: number): Generator<void, QuoteMatch | null> {
    return matchQuoteSteps(this.index.text, this.exact, { prefix: this.prefix, suffix: this.suffix, hint });
  }

  toPositionAnchor(hint?: number): TextPositionAnchor | null {
    const found = this.locate(hint);
    return found ? new TextPositionAnchor(this.index, found.start, found.end) : null;
  }

  toRange(hint?: number): Range | null {
    return this.toPositionAnchor(hint)?.toRange() ?? null;
  }

  toSelector(): TextQuoteSelector {
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact: this.exact };
    if (this.prefix) selector.prefix = this.prefix;
    if (this.suffix) selector.suffix = this.suffix;
    return selector;
  }
}
