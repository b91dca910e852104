/**
 * A text index over an element's rendered text.
 *
 * The index concatenates the element's visible text nodes into one
 * normalised string (see normalize.ts) and remembers, for every character of
 * that string, which text node and offset it came from (as runs, see the
 * span notes below, so memory grows with irregularities, not text). Anchoring and
 * matching work on the string; highlighting turns string offsets back into
 * DOM Ranges. Nothing in the DOM is changed.
 *
 * Rendered-text rules (these define the offsets of TextPositionSelectors):
 * - block boundaries and <br> become one space, so words in adjacent
 *   paragraphs never run together; inline elements (<a>, <em>, <span>...)
 *   add nothing, so a name split across them is still one run of text;
 * - whitespace runs collapse to one space; the text is trimmed;
 * - script, style, form controls, hidden and aria-hidden subtrees, inline
 *   `display: none`, the content of a closed <details> (its <summary>
 *   shows), and Backstory's own nodes are skipped. The page watcher
 *   refreshes the annotation when any of these change (page-watcher.ts).
 */
import { ASCII_WORDS, normalizeCode, ONE_TO_ONE_TEXT, straightenQuotes } from '../shared/text/normalize';
import type { IndexedText } from '../shared/text/indexed-text';

const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION BUTTON svg MATH IFRAME OBJECT CANVAS VIDEO AUDIO HEAD'.split(' '),
);

const INLINE_TAGS = new Set(
  'A ABBR B BDI BDO CITE CODE DATA DFN EM FONT I KBD MARK Q RUBY RB RP RT S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR DEL INS LABEL WBR IMG'.split(' '),
);

/** Attribute that marks Backstory's own elements, which the index skips. */
export const OWN_NODE_ATTRIBUTE = 'data-backstory';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The article's text, indexed (IndexedText is what anchoring needs of it). */
export interface TextIndex extends IndexedText {
  readonly root: Element;
  /** The normalised rendered text. */
  readonly text: string;
  /** The text nodes that contributed text, in document order. */
  readonly nodes: readonly Text[];
  /** DOM Range over `text.slice(start, end)`, or null for an empty span. */
  toRange(start: number, end: number): Range | null;
  /** Offset in `text` of a DOM point inside an indexed text node, or -1. */
  offsetOf(node: Node, offset: number): number;
  /** True when indexing stopped at `maxChars`: `text` is only the start of the root's text. */
  readonly truncated: boolean;
}

export interface TextIndexOptions {
  /** Stop once the text is longer than this (see annotate-page.ts, MAX_TEXT_CHARS). */
  maxChars?: number;
}

export function isSkippedElement(el: Element, tag = el.tagName): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  // Most elements of an article have no attributes: one call instead of four.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_NODE_ATTRIBUTE)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  // Reading el.style builds a style object per element; the attribute is enough for inline display:none.
  return styleHides(el.getAttribute('style'));
}

/** Does a style attribute's value hide its element (inline `display: none`)? */
export function styleHides(style: string | null): boolean {
  return style !== null && /display\s*:\s*none/i.test(style);
}

/**
 * The attributes whose changes can show or hide text under the rules above
 * (page-watcher.ts observes them), and whether a change from `was` to `now`
 * does, for an element with tag `tag`.
 */
export const VISIBILITY_ATTRIBUTES = ['hidden', 'aria-hidden', 'style', 'open'];

export function visibilityChanged(tag: string, attribute: string, was: string | null, now: string | null): boolean {
  switch (attribute) {
    case 'hidden':
      return (was === null) !== (now === null);
    case 'aria-hidden':
      return (was === 'true') !== (now === 'true');
    case 'style':
      return styleHides(was) !== styleHides(now);
    case 'open':
      return tag === 'DETAILS' && (was === null) !== (now === null);
    default:
      return false;
  }
}

function isInlineTag(tag: string): boolean {
  // Unknown custom elements (with a hyphen) default to display: inline.
  return INLINE_TAGS.has(tag) || tag.includes('-');
}

/*
 * Where the characters of a text node went: the node owns the output span
 * [start, end); within it, output position p came from node offset
 * raw + (p - out) for the last break (out, raw) at or before p. The first
 * break is (start, raw0); a span needs more only where that difference
 * changes (collapsed whitespace, dropped characters), which is rare, so
 * spans are kept in parallel arrays with extra breaks in a side map: a long
 * page's twenty thousand text nodes allocate almost nothing each.
 */

/** Builds the index in one go. Cost is linear in the text length. */
export function buildTextIndex(root: Element, options: TextIndexOptions = {}): TextIndex {
  const steps = textIndexSteps(root, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Work between two pauses of `textIndexSteps`: a few thousand nodes, or
 * this many characters of text, whichever comes first. A text node longer
 * than LONG_TEXT_CHARS is itself read in pieces of that size: a single
 * 2 MB text node (red-team review S4) was one 67–87 ms task.
 */
const NODES_PER_STEP = 1000;
const CHARS_PER_STEP = 65_536;
const LONG_TEXT_CHARS = CHARS_PER_STEP;

/** Per element entered by the walk: it is inline; only its first child is rendered (a closed <details>). */
const INLINE = 1;
const ONLY_FIRST_CHILD = 2;

/** The <summary> a closed <details> shows, if any. */
function summaryOf(details: Element): Element | null {
  for (let child = details.firstElementChild; child; child = child.nextElementSibling) if (child.tagName === 'SUMMARY') return child;
  return null;
}

/** Index of `target` in `nodes` (text nodes in document order), or -1: a binary search by document position. */
function indexInDocumentOrder(nodes: readonly Text[], target: Node): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = nodes[mid];
    if (node === target) return mid;
    // Node.DOCUMENT_POSITION_FOLLOWING: the target comes after this node.
    if (node.compareDocumentPosition(target) & 4) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/**
 * Builds the index, pausing (yield) every few thousand nodes so a caller
 * can give the main thread back on long pages; the return value is the index.
 */
export function* textIndexSteps(root: Element, options: TextIndexOptions = {}): Generator<void, TextIndex> {
  const maxChars = options.maxChars ?? Infinity;
  const spanNode: Text[] = [];
  const spanStart: number[] = [];
  const spanEnd: number[] = [];
  const spanRaw0: number[] = [];
  /** Span index → further breaks as flat pairs (out, raw), for the few spans that have them. */
  const extraBreaks = new Map<number, number[]>();
  // Text nodes that produced no text, and the output position they stand at
  // (for offsetOf; the node → span map is made on first use, not here).
  const emptyNode: Text[] = [];
  const emptyAt: number[] = [];
  const parts: string[] = [];
  let length = 0;
  // A space waiting to be written (only before more text): its node, offset
  // and span if it has one yet, or a null node for a block boundary.
  let spaceNode: Text | null = null;
  let spaceOffset = 0;
  let spaceSpan = -1;
  let spacePending = false;
  const blockBoundary = () => {
    if (!spacePending) {
      spacePending = true;
      spaceNode = null;
    }
  };

  // The node being added, and its span once it has written something: kept
  // here so the map of spans is written once per node, not per character.
  let current: Text | null = null;
  let currentSpan = -1;

  const newSpan = (node: Text, raw: number): number => {
    spanStart.push(length);
    spanEnd.push(length);
    spanRaw0.push(raw);
    return spanNode.push(node) - 1;
  };

  /** The span of the node being added, made when it first writes something. */
  const currentSpanAt = (raw: number): number => (currentSpan >= 0 ? currentSpan : (currentSpan = newSpan(current!, raw)));

  /** Records that output position `length` comes from span `index`'s node at offset `raw`. */
  const place = (index: number, raw: number): void => {
    const more = extraBreaks.get(index);
    const delta = more ? more[more.length - 2] - more[more.length - 1] : spanStart[index] - spanRaw0[index];
    if (length - raw !== delta) {
      if (more) more.push(length, raw);
      else extraBreaks.set(index, [length, raw]);
    }
    spanEnd[index] = length + 1;
  };

  const pendSpace = (node: Text, offset: number): void => {
    if (!spacePending) {
      spacePending = true;
      spaceNode = node;
      spaceOffset = offset;
      spaceSpan = node === current ? currentSpan : -1;
    }
  };

  /** Writes a waiting space, if any, before the next character. */
  const flushSpace = (): void => {
    if (!spacePending) return;
    if (length > 0) {
      if (spaceNode) {
        // The space belongs to this node, to an earlier one that wrote text, or
        // to an earlier whitespace-only one that gets its span now.
        const span = spaceNode === current ? currentSpanAt(spaceOffset) : spaceSpan >= 0 ? spaceSpan : newSpan(spaceNode, spaceOffset);
        place(span, spaceOffset);
      }
      parts.push(' ');
      length++;
    }
    spacePending = false;
  };

  /** Text that normalises one code unit to one (`text` is already normalised): one mapping run. */
  const addRun = (textNode: Text, text: string, offset: number): void => {
    flushSpace();
    // A new span starts here by construction; one made for this node's leading space may need a break.
    if (currentSpan < 0) currentSpan = newSpan(textNode, offset);
    else place(currentSpan, offset);
    length += text.length;
    spanEnd[currentSpan] = length;
    parts.push(text);
  };

  /** Any other text, in [from, to): character by character, copying runs that need no change. */
  const addMixedText = (textNode: Text, data: string, from: number, to: number): void => {
    // Output position minus node offset for the current run of kept characters.
    let delta = NaN;
    let verbatimFrom = from;
    for (let k = from; k < to; k++) {
      const raw = data.charCodeAt(k);
      // Printable ASCII other than the space is kept as it is: the common case, checked first.
      const code = raw > 32 && raw < 127 ? raw : normalizeCode(raw);
      if (code === raw && raw !== 32 && !spacePending) {
        if (length - k !== delta) {
          place(currentSpanAt(k), k);
          delta = length - k;
        }
        length++;
        continue;
      }
      if (verbatimFrom < k) parts.push(data.slice(verbatimFrom, k));
      verbatimFrom = k + 1;
      if (code === 32) pendSpace(textNode, k);
      else if (code !== -1) {
        flushSpace();
        place(currentSpanAt(k), k);
        delta = length - k;
        parts.push(String.fromCharCode(code));
        length++;
      }
    }
    if (currentSpan >= 0) spanEnd[currentSpan] = Math.max(spanEnd[currentSpan], length);
    if (verbatimFrom < to) parts.push(data.slice(verbatimFrom, to));
  };

  const addText = (textNode: Text): void => {
    current = textNode;
    currentSpan = -1;
    const startLength = length;
    const data = textNode.data;
    // Whitespace at the ends (indentation between tags, the space before a
    // link) becomes a pending space; what lies between is, in the common
    // case, words with single spaces that map one to one: copied whole.
    let from = 0;
    let to = data.length;
    while (from < to && normalizeCode(data.charCodeAt(from)) === 32) from++;
    while (to > from && normalizeCode(data.charCodeAt(to - 1)) === 32) to--;
    if (from > 0) pendSpace(textNode, 0);
    if (from < to) {
      const core = to - from === data.length ? data : data.slice(from, to);
      if (ASCII_WORDS.test(core)) addRun(textNode, core, from);
      else if (ONE_TO_ONE_TEXT.test(core)) addRun(textNode, straightenQuotes(core), from);
      else addMixedText(textNode, data, from, to);
      if (to < data.length) pendSpace(textNode, to);
    }
    if (currentSpan < 0) {
      emptyNode.push(textNode);
      emptyAt.push(startLength);
    }
    current = null;
  };

  /** A text node too long for one step, in pieces (character by character: such nodes are rare). */
  function* addLongText(textNode: Text): Generator<void, void> {
    current = textNode;
    currentSpan = -1;
    const startLength = length;
    const data = textNode.data;
    for (let from = 0; from < data.length; from += LONG_TEXT_CHARS) {
      addMixedText(textNode, data, from, Math.min(data.length, from + LONG_TEXT_CHARS));
      yield;
    }
    if (currentSpan < 0) {
      emptyNode.push(textNode);
      emptyAt.push(startLength);
    }
    current = null;
  }

  let visited = 0;
  let lengthAtStep = 0;
  let truncated = false;
  // For each element entered below the root, its flags (INLINE,
  // ONLY_FIRST_CHILD): read on the way out instead of asking the DOM again.
  const open: number[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    if (++visited % NODES_PER_STEP === 0 || length - lengthAtStep > CHARS_PER_STEP) {
      if (length > maxChars) {
        truncated = true;
        break;
      }
      lengthAtStep = length;
      yield;
    }
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      if ((node as Text).length > LONG_TEXT_CHARS) yield* addLongText(node as Text);
      else addText(node as Text);
    } else if (type === ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.tagName;
      if (tag === 'BR') blockBoundary();
      else if (!isSkippedElement(el, tag)) {
        const inline = isInlineTag(tag);
        if (!inline) blockBoundary();
        // A closed <details> renders its <summary> only.
        const closedDetails = tag === 'DETAILS' && !el.hasAttribute('open');
        const first = closedDetails ? summaryOf(el) : el.firstChild;
        if (first) {
          open.push((inline ? INLINE : 0) | (closedDetails ? ONLY_FIRST_CHILD : 0));
          node = first;
          continue;
        }
      }
    }
    // Climb until there is a next sibling to visit, marking the end of each block left.
    while (node && node !== root && (!node.nextSibling || (open.length > 0 && open[open.length - 1] & ONLY_FIRST_CHILD))) {
      node = node.parentNode;
      if (node && node !== root && !((open.pop() ?? 0) & INLINE)) blockBoundary();
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  if (length > maxChars) truncated = true;

  const text = parts.join('');

  const spanCount = spanNode.length;

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
   * The breaks of span `index`, pair k as (outAt(k), rawAt(k)): pair 0 is
   * the span's start, the rest its extra breaks. Looked up by binary search
   * in place: a single 2 MB text node of collapsed whitespace has a break
   * per word, and copying them per lookup (as this once did) made each
   * Range and each hit test cost milliseconds (240 ms tasks, 160 ms pointer
   * waits on the bench's 2 MB node).
   */
  const breakCount = (index: number): number => 1 + (extraBreaks.get(index)?.length ?? 0) / 2;
  const outAt = (index: number, k: number): number => (k === 0 ? spanStart[index] : extraBreaks.get(index)![2 * k - 2]);
  const rawAt = (index: number, k: number): number => (k === 0 ? spanRaw0[index] : extraBreaks.get(index)![2 * k - 1]);

  /** The last pair k of span `index` whose `at(index, k)` is at most `value` (pair 0 if none is). */
  const lastBreakAtOrBefore = (index: number, value: number, at: (index: number, k: number) => number): number => {
    let lo = 0;
    let hi = breakCount(index) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at(index, mid) <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Node offset of output position p, which lies in span `index`. */
  const rawOf = (index: number, p: number): number => {
    const k = lastBreakAtOrBefore(index, p, outAt);
    return rawAt(index, k) + (p - outAt(index, k));
  };

  const toRange = (start: number, end: number): Range | null => {
    const first = spanAt(Math.max(0, start));
    let last = spanAt(Math.min(text.length, end) - 1);
    if (first >= spanCount) return null;
    const s = Math.max(start, spanStart[first]);
    // The last character may be a block-boundary space, outside every span: step back.
    if (last >= spanCount || spanStart[last] > end - 1) last--;
    if (last < first) return null;
    const e = Math.min(end, spanEnd[last]);
    if (s >= e) return null;
    const range = root.ownerDocument.createRange();
    range.setStart(spanNode[first], rawOf(first, s));
    range.setEnd(spanNode[last], rawOf(last, e - 1) + 1);
    return range;
  };

  /*
   * Text node → its span index, or -(position + 1) for a node that produced
   * no text. Both lists are in document order, so a binary search by
   * document position finds a node in some twenty comparisons. (A map of
   * every node, made on the first hit test, cost that pointer move tens of
   * milliseconds on a page of 200,000 text nodes.) A whitespace-only node
   * whose space was written later has a span too: the span wins.
   */
  const spanIndexOf = (target: Node): number | undefined => {
    if (target.nodeType !== TEXT_NODE) return undefined;
    const span = indexInDocumentOrder(spanNode, target);
    if (span >= 0) return span;
    const empty = indexInDocumentOrder(emptyNode, target);
    return empty >= 0 ? -(emptyAt[empty] + 1) : undefined;
  };

  const offsetOf = (target: Node, offset: number): number => {
    const index = spanIndexOf(target);
    if (index === undefined) return -1;
    if (index < 0) return -index - 1;
    // The last run starting at or before `offset`; offsets in dropped or
    // collapsed characters map to the next character written.
    const k = lastBreakAtOrBefore(index, offset, rawAt);
    const p = outAt(index, k) + Math.max(0, offset - rawAt(index, k));
    const next = k + 1 < breakCount(index) ? outAt(index, k + 1) : spanEnd[index];
    return Math.min(p, next);
  };

  return { root, text, nodes: spanNode, toRange, offsetOf, truncated };
}
