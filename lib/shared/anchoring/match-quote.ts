/**
 * Finds the best place for a quote in a text: exact occurrences first, an
 * approximate search only when there is none, each candidate scored on the
 * quote, its prefix and suffix, and its distance from a position hint.
 *
 * After Hypothesis' src/annotator/anchoring/match-quote.ts (same weights),
 * with two differences: a minimum quality, below which the quote is reported
 * as not found (an orphan) instead of being placed on the wrong words; and
 * the text's ends count as whitespace when context is compared (see
 * contextWindow).
 *
 * The work comes in steps (matchQuoteSteps) so a caller on the page can
 * yield between them: the red-team review measured one uninterrupted call
 * at 100–700 ms on long pages (a quote that occurs 250 or 2,500 times, each
 * occurrence scored with two approximate searches; with no exact match,
 * one approximate search over the whole text). Here the approximate search
 * runs over chunks of the text, and each occurrence costs at most two short
 * searches, skipped when the context agrees exactly or when the occurrence
 * cannot beat the best one found so far.
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

/**
 * Characters of text per approximate-search step. Myers' search costs about
 * (quote length / 32) word operations per character, well under a
 * millisecond for 8,192 characters; but approx-string-match then finds the
 * start of every match end it reports, and a quote that is not on the page
 * at all ties at its worst allowed error count in many places: with
 * 32,768-character chunks a CPU profile of the bench's 2 MB page put
 * findMatchEnds and advanceBlock (inside one search call) at the top of
 * Backstory's own time, so chunks are a quarter of that.
 */
const FUZZY_CHUNK_CHARS = 8_192;
/** Candidates scored between steps when their context needs an approximate comparison. */
const FUZZY_SCORES_PER_STEP = 16;
/** Candidates looked at between steps when nothing approximate is needed (string comparisons). */
const CANDIDATES_PER_STEP = 512;

/**
 * The text before `start` (prefix) or from `end` (suffix), as long as the
 * context. The text index trims its text, and everything it joins meets at
 * a space, so past either end of the text lies whitespace: a window cut
 * short by the text's start (end) gets that space. Without it a prefix of
 * only whitespace ("\n\t\t" before a page's first heading, normalised to
 * " ") scored 0 against the empty window at offset 0, and a later repeat of
 * the same words, preceded by a real space, won (Hypothesis' Wikipedia
 * baseline, "Regression testing").
 */
function contextWindow(text: string, from: number, to: number): string {
  const window = text.slice(Math.max(0, from), Math.min(text.length, to));
  if (from < 0) return ` ${window}`;
  if (to > text.length) return `${window} `;
  return window;
}

/** Similarity (0..1) of `str` to `text`, allowing edits. Empty context scores 1: nothing to disagree with. */
function similarity(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text === str) return 1;
  if (text.length === 0) return 0;
  const found = search(text, str, str.length);
  if (found.length === 0) return 0;
  // search() reports only the matches with the fewest errors: all have the same count.
  return 1 - found[0].errors / str.length;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function positionScore(text: string, start: number, hint: number | undefined): number {
  return hint === undefined ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
}

function weighted(quoteScore: number, prefixScore: number, suffixScore: number, position: number): number {
  return (
    (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * position) /
    WEIGHT_SUM
  );
}

/**
 * Every exact occurrence of `quote`, a step per CANDIDATES_PER_STEP of
 * them (indexOf itself is native and fast: 10 MB scan in a few ms).
 */
function* exactOccurrences(text: string, quote: string, into: Candidate[]): Generator<void, void> {
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    into.push({ start: i, end: i + quote.length, errors: 0 });
    if (into.length % CANDIDATES_PER_STEP === 0) yield;
  }
}

/**
 * The approximate matches with the fewest errors (at most `maxErrors`), as
 * one search of the whole text would report them, found chunk by chunk. A
 * match is at most quote length + maxErrors long, so chunks overlap by that
 * much and each keeps the matches that end inside it.
 */
function* approximateMatches(text: string, quote: string, maxErrors: number, into: Candidate[]): Generator<void, void> {
  const overlap = quote.length + maxErrors;
  let budget = maxErrors;
  for (let end = 0; end < text.length; ) {
    const from = end;
    end = Math.min(text.length, end + FUZZY_CHUNK_CHARS);
    const base = Math.max(0, from - overlap);
    for (const m of search(text.slice(base, end), quote, budget)) {
      if (base + m.end <= from) continue;
      if (m.errors < budget) {
        // Fewer errors than anything before: those are no longer the best.
        into.length = 0;
        budget = m.errors;
      }
      if (m.errors === budget) into.push({ start: base + m.start, end: base + m.end, errors: m.errors });
    }
    yield;
  }
}

/**
 * Best match of `quote` in `text` (or null when there is none good enough),
 * in steps: the generator yields between bounded pieces of work and returns
 * the match.
 */
export function* matchQuoteSteps(text: string, quote: string, context: QuoteContext = {}): Generator<void, QuoteMatch | null> {
  if (quote.length === 0 || text.length === 0) return null;
  const candidates: Candidate[] = [];
  yield* exactOccurrences(text, quote, candidates);
  if (candidates.length === 0) {
    // approx-string-match caps the pattern at 32-bit blocks internally; very
    // long quotes are fine, but the error budget is capped as Hypothesis does.
    const maxErrors = Math.min(256, Math.floor(quote.length * (1 - MIN_FUZZY_QUOTE_SIMILARITY)));
    yield* approximateMatches(text, quote, maxErrors, candidates);
  }
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  let best: QuoteMatch | null = null;
  let sinceStep = 0;
  for (const c of candidates) {
    const quoteScore = 1 - c.errors / quote.length;
    const position = positionScore(text, c.start, context.hint);
    // The most this occurrence can score (its context agreeing in full):
    // when that cannot beat the best so far, its context is not compared.
    if (best && weighted(quoteScore, 1, 1, position) <= best.score) {
      if (++sinceStep >= CANDIDATES_PER_STEP) (sinceStep = 0), yield;
      continue;
    }
    const before = contextWindow(text, c.start - prefix.length, c.start);
    const after = contextWindow(text, c.end, c.end + suffix.length);
    const approximate = (prefix.length > 0 && before !== prefix) || (suffix.length > 0 && after !== suffix);
    const s = weighted(quoteScore, similarity(before, prefix), similarity(after, suffix), position);
    if (!best || s > best.score) best = { start: c.start, end: c.end, score: s, errors: c.errors };
    sinceStep += approximate ? CANDIDATES_PER_STEP / FUZZY_SCORES_PER_STEP : 1;
    if (sinceStep >= CANDIDATES_PER_STEP) (sinceStep = 0), yield;
  }
  if (best && best.errors > 0 && best.score < MIN_FUZZY_SCORE) return null;
  return best;
}

/** Runs a generator of steps to its end, in one go (tests, the data check). */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Best match of `quote` in `text`, or null when there is none good enough (in one go). */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  return runToEnd(matchQuoteSteps(text, quote, context));
}
