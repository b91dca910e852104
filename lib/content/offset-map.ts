/**
 * The offset mapping of the text index (text-index.ts): writes the
 * entries the walk finds (rendered-text.ts: text nodes, and plain blocks
 * read whole) into one
 * normalised string (normalize.ts), remembering where each character came
 * from, and maps string offsets back to DOM points (toRange) and DOM points
 * to string offsets (offsetOf).
 *
 * Whitespace runs collapse to one space, a block boundary is one space, and
 * the text is trimmed.
 *
 * Where the characters of an entry went: the entry owns the output span
 * [start, end); within it, output position p came from offset
 * raw + (p - out) in the entry's text for the last break (out, raw) at or
 * before p. The first
 * break is (start, raw0); a span needs more only where that difference
 * changes (collapsed whitespace, dropped characters), which is rare, so
 * spans are kept in parallel arrays with extra breaks in a side map: a long
 * page's twenty thousand entries allocate almost nothing each. A span
 * names its entry by number, not by reference: text-node-finder.ts finds
 * the entry again, and says why.
 */
import { ASCII_WORDS, normalizeCode, ONE_TO_ONE_TEXT, straightenQuotes } from '../shared/text/normalize';
import { LONG_TEXT_CHARS, type RenderedTextSink, type WalkEntry } from './rendered-text';
import { charPoints, keepsNode, NODE_KEEPING, type TextNodeFinder, textNodeFinder } from './text-node-finder';

/** When OffsetMapWriter.compact joins the pieces written: at this many pieces, or this many characters. */
const COMPACT_PIECES = 4_096;
const COMPACT_CHARS = 131_072;

/** Lookups between the written text and the DOM. */
export interface OffsetMap {
  readonly text: string;
  /** DOM Range over `text.slice(start, end)`, or null for an empty span. */
  toRange(start: number, end: number): Range | null;
  /** Offset in `text` of a DOM point inside a written text node, or -1. */
  offsetOf(node: Node, offset: number): number;
}

/** Writes the walk's entries into the normalised string and its span table; `finish` gives the lookups. */
export class OffsetMapWriter implements RenderedTextSink {
  /** Per span: its entry, as the ordinal of the entry among those written (0 for the first). */
  private readonly spanOrdinal: number[] = [];
  private readonly spanStart: number[] = [];
  private readonly spanEnd: number[] = [];
  private readonly spanRaw0: number[] = [];
  /** Span index → further breaks as flat pairs (out, raw), for the few spans that have them. */
  private readonly extraBreaks = new Map<number, number[]>();
  /*
   * Per entry written (by ordinal): the text's length when it began
   * (where offsetOf puts an entry that wrote nothing), and the entry's own
   * length (an entry found again with another length means the page changed
   * since: the lookups then place nothing rather than guess).
   */
  private readonly nodeStart: number[] = [];
  private readonly nodeLength: number[] = [];
  /** The entries kept (text-node-finder.ts says which, and why not all; decision 0036). */
  private readonly checkpoints: WalkEntry[] = [];
  /** Every plain block written, by ordinal (all are held: text-node-finder.ts, decision 0037). */
  private readonly blocks = new Map<number, Element>();
  /** The text written since the last join (compact), in pieces, and the text before it, in chunks. */
  private parts: string[] = [];
  private readonly chunks: string[] = [];
  /** `length` at the last join of `parts`. */
  private compactedTo = 0;
  length = 0;
  /** The longest text node written (or begun) so far, in characters. */
  longestNode = 0;
  // A space waiting to be written (only before more text): its node's
  // ordinal, offset and span if it has one yet, or ordinal -1 for a block
  // boundary.
  private spaceOrdinal = -1;
  private spaceOffset = 0;
  private spaceSpan = -1;
  private spacePending = false;
  // The node being added (its ordinal), and its span once it has written
  // something: kept here so the span is looked up once per node, not per
  // character.
  private ordinal = -1;
  private currentSpan = -1;

  /**
   * `maxBlockChars`: the longest plain block written whole (rendered-text.ts);
   * at most the longest text node the caller accepts, so that a block never
   * counts as a node longer than that.
   */
  constructor(
    private readonly keeping = NODE_KEEPING,
    readonly maxBlockChars = LONG_TEXT_CHARS,
  ) {}

  boundary(): void {
    if (!this.spacePending) {
      this.spacePending = true;
      this.spaceOrdinal = -1;
    }
  }

  text(textNode: Text, data: string): void {
    this.write(textNode, data);
  }

  block(el: Element, text: string): void {
    this.write(el, text);
    this.blocks.set(this.ordinal, el);
  }

  /** An entry's text, offsets in it counted from its start (a block's: in its textContent). */
  private write(entry: WalkEntry, data: string): void {
    this.beginNode(entry, data.length);
    // Whitespace at the ends (indentation between tags, the space before a
    // link) becomes a pending space; what lies between is, in the common
    // case, words with single spaces that map one to one: copied whole.
    let from = 0;
    let to = data.length;
    while (from < to && normalizeCode(data.charCodeAt(from)) === 32) from++;
    while (to > from && normalizeCode(data.charCodeAt(to - 1)) === 32) to--;
    if (from > 0) this.pendSpace(0);
    if (from < to) {
      const core = to - from === data.length ? data : data.slice(from, to);
      if (ASCII_WORDS.test(core)) this.addRun(core, from);
      else if (ONE_TO_ONE_TEXT.test(core)) this.addRun(straightenQuotes(core), from);
      else this.addMixedText(data, from, to);
      if (to < data.length) this.pendSpace(to);
    }
  }

  /** A text node too long for one step, in pieces (character by character: such nodes are rare). */
  *longText(textNode: Text, data: string, pieceChars: number): Generator<void, void> {
    this.beginNode(textNode, data.length);
    for (let from = 0; from < data.length; from += pieceChars) {
      this.addMixedText(data, from, Math.min(data.length, from + pieceChars));
      this.compact();
      yield;
    }
  }

  /**
   * Called at every pause of the walk: joins the pieces written so far into
   * one chunk once there are enough of them. Enough pieces: joined once at
   * the end instead, the 700,000 pieces of the bench's 2 MB text node of
   * collapsed whitespace made the walk's last slice 85–190 ms. Enough text:
   * a chunk longer than V8's largest regular heap object (about 128 KB) is
   * made in its large-object space, which a minor garbage collection does
   * not copy. In chunks of a step's text (16,384 characters) the 1 MB page's
   * chunks were copied from collection to collection; its first index in a
   * fresh isolated world took 50 ms against 42 (medians of 6 fresh pages
   * each, 2 December 2026).
   */
  compact(force = false): void {
    if (!force && this.parts.length < COMPACT_PIECES && this.length - this.compactedTo < COMPACT_CHARS) return;
    this.compactedTo = this.length;
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    if (this.parts.length === 1) this.chunks.push(this.parts.pop()!);
  }

  /** The written text and its lookups (the writer is done). */
  finish(root: Element): OffsetMap {
    this.compact(true);
    const text = this.chunks.join('');
    const finder = textNodeFinder(root, this.checkpoints, this.nodeLength, this.blocks, this.keeping, this.maxBlockChars);
    return spanLookup(text, finder, this.spanOrdinal, this.spanStart, this.spanEnd, this.spanRaw0, this.extraBreaks, this.nodeStart);
  }

  private beginNode(entry: WalkEntry, length: number): void {
    if (length > this.longestNode) this.longestNode = length;
    const ordinal = ++this.ordinal;
    if (keepsNode(ordinal, this.keeping)) this.checkpoints.push(entry);
    this.nodeStart.push(this.length);
    this.nodeLength.push(length);
    this.currentSpan = -1;
  }

  private newSpan(ordinal: number, raw: number): number {
    this.spanStart.push(this.length);
    this.spanEnd.push(this.length);
    this.spanRaw0.push(raw);
    return this.spanOrdinal.push(ordinal) - 1;
  }

  /** The span of the node being added, made when it first writes something. */
  private currentSpanAt(raw: number): number {
    return this.currentSpan >= 0 ? this.currentSpan : (this.currentSpan = this.newSpan(this.ordinal, raw));
  }

  /** Records that output position `length` comes from span `index`'s node at offset `raw`. */
  private place(index: number, raw: number): void {
    const more = this.extraBreaks.get(index);
    const delta = more ? more[more.length - 2] - more[more.length - 1] : this.spanStart[index] - this.spanRaw0[index];
    if (this.length - raw !== delta) {
      if (more) more.push(this.length, raw);
      else this.extraBreaks.set(index, [this.length, raw]);
    }
    this.spanEnd[index] = this.length + 1;
  }

  /** A space from the node being added, at `offset`. */
  private pendSpace(offset: number): void {
    if (!this.spacePending) {
      this.spacePending = true;
      this.spaceOrdinal = this.ordinal;
      this.spaceOffset = offset;
      this.spaceSpan = this.currentSpan;
    }
  }

  /** Writes a waiting space, if any, before the next character. */
  private flushSpace(): void {
    if (!this.spacePending) return;
    if (this.length > 0) {
      const spaceOrdinal = this.spaceOrdinal;
      if (spaceOrdinal >= 0) {
        // The space belongs to this node, to an earlier one that wrote text, or
        // to an earlier whitespace-only one that gets its span now (a node's
        // span, where it has one, is what offsetOf goes by).
        const span =
          spaceOrdinal === this.ordinal
            ? this.currentSpanAt(this.spaceOffset)
            : this.spaceSpan >= 0
              ? this.spaceSpan
              : this.newSpan(spaceOrdinal, this.spaceOffset);
        this.place(span, this.spaceOffset);
      }
      this.parts.push(' ');
      this.length++;
    }
    this.spacePending = false;
  }

  /** Text that normalises one code unit to one (`text` is already normalised): one mapping run. */
  private addRun(text: string, offset: number): void {
    this.flushSpace();
    // A new span starts here by construction; one made for this node's leading space may need a break.
    if (this.currentSpan < 0) this.currentSpan = this.newSpan(this.ordinal, offset);
    else this.place(this.currentSpan, offset);
    this.length += text.length;
    this.spanEnd[this.currentSpan] = this.length;
    this.parts.push(text);
  }

  /** Any other text, in [from, to): character by character, copying runs that need no change. */
  private addMixedText(data: string, from: number, to: number): void {
    // Output position minus node offset for the current run of kept characters.
    let delta = NaN;
    let verbatimFrom = from;
    for (let k = from; k < to; k++) {
      const raw = data.charCodeAt(k);
      // Printable ASCII other than the space is kept as it is: the common case, checked first.
      const code = raw > 32 && raw < 127 ? raw : normalizeCode(raw);
      if (code === raw && raw !== 32 && !this.spacePending) {
        if (this.length - k !== delta) {
          this.place(this.currentSpanAt(k), k);
          delta = this.length - k;
        }
        this.length++;
        continue;
      }
      if (verbatimFrom < k) this.parts.push(data.slice(verbatimFrom, k));
      verbatimFrom = k + 1;
      if (code === 32) this.pendSpace(k);
      else if (code !== -1) {
        this.flushSpace();
        this.place(this.currentSpanAt(k), k);
        delta = this.length - k;
        this.parts.push(String.fromCharCode(code));
        this.length++;
      }
    }
    if (this.currentSpan >= 0) this.spanEnd[this.currentSpan] = Math.max(this.spanEnd[this.currentSpan], this.length);
    if (verbatimFrom < to) this.parts.push(data.slice(verbatimFrom, to));
  }
}

/**
 * The lookups over a finished span table (closures rather than a class: the
 * content script ships minified, and local names minify where property
 * names do not).
 */
function spanLookup(
  text: string,
  finder: TextNodeFinder,
  spanOrdinal: readonly number[],
  spanStart: readonly number[],
  spanEnd: readonly number[],
  spanRaw0: readonly number[],
  extraBreaks: ReadonlyMap<number, readonly number[]>,
  nodeStart: readonly number[],
): OffsetMap {
  const spanCount = spanOrdinal.length;

  /** The span of the entry with this ordinal, or -1 if it wrote nothing (spans are in ordinal order). */
  const spanOfOrdinal = (ordinal: number): number => {
    let lo = 0;
    let hi = spanCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spanOrdinal[mid] < ordinal) lo = mid + 1;
      else if (spanOrdinal[mid] > ordinal) hi = mid - 1;
      else return mid;
    }
    return -1;
  };

  /** Index of the span holding output position p, or of the first span after it. */
  const spanAt = (p: number): number => {
    let lo = 0;
    let hi = spanCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spanEnd[mid] <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /*
   * The breaks of span `index`, pair k as (out, raw): pair 0 is the span's
   * start, the rest its extra breaks. Looked up by binary search in place:
   * a single 2 MB text node of collapsed whitespace has a break per word,
   * and copying them per lookup (as this once did) made each Range and each
   * hit test cost milliseconds (240 ms tasks, 160 ms pointer waits on the
   * bench's 2 MB node).
   */
  const breakCount = (index: number): number => 1 + (extraBreaks.get(index)?.length ?? 0) / 2;

  /** Pair k of span `index`: its output position (`which` 0) or node offset (1). */
  const breakAt = (index: number, k: number, which: 0 | 1): number =>
    k === 0 ? (which === 0 ? spanStart[index] : spanRaw0[index]) : extraBreaks.get(index)![2 * k - 2 + which];

  /** The last pair k of span `index` whose output position (`which` 0) or node offset (1) is at most `value` (pair 0 if none is). */
  const lastBreakAtOrBefore = (index: number, value: number, which: 0 | 1): number => {
    let lo = 0;
    let hi = breakCount(index) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (breakAt(index, mid, which) <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Node offset of output position p, which lies in span `index`. */
  const rawOf = (index: number, p: number): number => {
    const k = lastBreakAtOrBefore(index, p, 0);
    return breakAt(index, k, 1) + (p - breakAt(index, k, 0));
  };

  return {
    text,
    toRange(start, end) {
      const first = spanAt(Math.max(0, start));
      let last = spanAt(Math.min(text.length, end) - 1);
      if (first >= spanCount) return null;
      const s = Math.max(start, spanStart[first]);
      // The last character may be a block-boundary space, outside every span: step back.
      if (last >= spanCount || spanStart[last] > end - 1) last--;
      if (last < first) return null;
      const e = Math.min(end, spanEnd[last]);
      if (s >= e) return null;
      // The first character's place, and the last one's (a block's characters are in its text nodes).
      const startEntry = finder.entryAt(spanOrdinal[first]);
      const endEntry = spanOrdinal[last] === spanOrdinal[first] ? startEntry : finder.entryAt(spanOrdinal[last]);
      if (!startEntry || !endEntry) return null;
      const a = rawOf(first, s);
      const b = rawOf(last, e - 1);
      const [from, to] =
        (startEntry === endEntry ? charPoints(startEntry, a, b) : [charPoints(startEntry, a, a)?.[0], charPoints(endEntry, b, b)?.[0]]) ?? [];
      if (!from || !to) return null;
      const range = from[0].ownerDocument.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1] + 1);
      return range;
    },
    offsetOf(target, offset) {
      const at = finder.locate(target, offset);
      if (!at) return -1;
      const { ordinal, raw } = at;
      const index = spanOfOrdinal(ordinal);
      // An entry that wrote nothing (whitespace only) is where the text was when it began.
      if (index < 0) return nodeStart[ordinal];
      // The last run starting at or before `raw`; offsets in dropped or
      // collapsed characters map to the next character written.
      const k = lastBreakAtOrBefore(index, raw, 1);
      const p = breakAt(index, k, 0) + Math.max(0, raw - breakAt(index, k, 1));
      const next = k + 1 < breakCount(index) ? breakAt(index, k + 1, 0) : spanEnd[index];
      return Math.min(p, next);
    },
  };
}
