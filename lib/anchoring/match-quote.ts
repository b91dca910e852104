/**
 * Finds the best place for a quote in a text: exact occurrences first, an
 * approximate search only when there is none, each candidate scored on the
 * quote, its prefix and suffix, and its distance from a position hint.
 *
 * After Hypothesis' src/annotator/anchoring/match-quote.ts (same weights),
 * with one difference: a minimum quality, below which the quote is reported
 * as not found (an orphan) instead of being placed on the wrong words.
 */
import search from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1, weighted over quote, prefix, suffix and position. */
  score: number;
  /** Edits between the quote and the text matched (0 for an exact match). */
  errors: number;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * Fewest acceptable quality for a fuzzy match. A quote that lost a fifth of
 * its characters to edits still anchors if its context agrees; one whose
 * context is gone as well does not.
 */
export const MIN_FUZZY_QUOTE_SIMILARITY = 0.8;
export const MIN_FUZZY_SCORE = 0.75;

function exactOccurrences(text: string, quote: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) starts.push(i);
  return starts;
}

/** Similarity (0..1) of `str` to `text`, allowing edits. Empty context scores 1: nothing to disagree with. */
function similarity(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  const found = search(text, str, str.length);
  if (found.length === 0) return 0;
  const errors = Math.min(...found.map((m) => m.errors));
  return 1 - errors / str.length;
}

function score(text: string, quote: string, start: number, end: number, errors: number, context: QuoteContext): number {
  const quoteScore = 1 - errors / quote.length;
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const prefixScore = similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
  const suffixScore = similarity(text.slice(end, end + suffix.length), suffix);
  const positionScore =
    context.hint === undefined ? 1 : 1 - Math.min(1, Math.abs(start - context.hint) / Math.max(1, text.length));
  return (
    (WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * positionScore) /
    WEIGHT_SUM
  );
}

/** Best match of `quote` in `text`, or null when there is none good enough. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0) return null;
  const exact = exactOccurrences(text, quote);
  let candidates: { start: number; end: number; errors: number }[];
  if (exact.length > 0) {
    candidates = exact.map((start) => ({ start, end: start + quote.length, errors: 0 }));
  } else {
    // approx-string-match caps the pattern at 32-bit blocks internally; very
    // long quotes are fine, but the error budget is capped as Hypothesis does.
    const maxErrors = Math.min(256, Math.floor(quote.length * (1 - MIN_FUZZY_QUOTE_SIMILARITY)));
    candidates = search(text, quote, maxErrors);
  }
  let best: QuoteMatch | null = null;
  for (const c of candidates) {
    const s = score(text, quote, c.start, c.end, c.errors, context);
    if (!best || s > best.score) best = { start: c.start, end: c.end, score: s, errors: c.errors };
  }
  if (best && best.errors > 0 && best.score < MIN_FUZZY_SCORE) return null;
  return best;
}
