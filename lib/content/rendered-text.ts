/**
 * The DOM walk of the text index (text-index.ts): which of an element's
 * text nodes the reader sees, in document order, and where blocks end.
 * It hands them to a sink (offset-map.ts writes them out) and pauses
 * between steps so a caller can give the main thread back; it can also
 * walk on from any entry it reported (text-node-finder.ts).
 *
 * A block whose text is all rendered and runs together (only inline
 * elements inside, none of them with an attribute that could hide it: a
 * plain block, as most paragraphs are) is reported whole, with its
 * `textContent`, instead of node by node: one native call instead of a
 * script call per node, each of which costs far more from a content
 * script's world. On the bench's 1 MB page the index took 90-150 ms node by
 * node and 28-39 ms by plain blocks (isolated world, 2 December 2026).
 * The walk's entries are therefore text nodes and plain blocks.
 *
 * Rendered-text rules (these define the offsets of TextPositionSelectors):
 * - block boundaries and <br> end a run of words, so words in adjacent
 *   paragraphs never run together; inline elements (<a>, <em>, <span>...)
 *   add nothing, so a name split across them is still one run of text;
 * - script, style, form controls, hidden and aria-hidden subtrees, inline
 *   `display: none`, the content of a closed <details> (its <summary>
 *   shows), and Backstory's own nodes are skipped. The page watcher
 *   refreshes the annotation when any of these change (page-watcher.ts).
 */

const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION BUTTON svg MATH IFRAME OBJECT CANVAS VIDEO AUDIO HEAD'.split(' '),
);

const INLINE_TAGS = new Set(
  'A ABBR B BDI BDO CITE CODE DATA DFN EM FONT I KBD MARK Q RUBY RB RP RT S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR DEL INS LABEL WBR IMG'.split(' '),
);

/** Attribute that marks Backstory's own elements, which the walk skips. */
export const OWN_NODE_ATTRIBUTE = 'data-backstory';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

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

/**
 * Matches an element that makes its block not plain: anything but the
 * inline elements (a block, <br>, a skipped or unknown element), or an
 * element with an attribute that could hide its text (any `style`, any
 * `aria-hidden`: the walk then reads them node by node).
 */
const NOT_PLAIN = `:not(${[...INLINE_TAGS].join(',')}),[hidden],[aria-hidden],[style],[${OWN_NODE_ATTRIBUTE}]`;

/**
 * A plain block's text (see the top of this file), or null if `el` is not
 * one: `el` is a block the walk entered (not inline, not skipped, not a
 * closed <details>), and the text is at most `maxChars` long (so no text
 * node in it is longer, and a step stays small). A block without child
 * elements (most of an article's paragraphs are one text node) gains
 * nothing from it and is left to the walk: its entries stay its text nodes.
 */
function plainBlockText(el: Element, maxChars: number): string | null {
  // firstElementChild, not firstChild/lastChild: on a long page the walk's
  // cost is mostly its DOM calls, each a few microseconds from a freshly
  // injected content script's world, plus a wrapper made there for each node
  // returned. With this, the compact() change in offset-map.ts and one read
  // per text node and sibling, the 1 MB page's first index in a fresh
  // isolated world took 43-44 ms against 49-51 (npm run bench:text-index --
  // --isolated). Not childElementCount: with it, Firefox walked the 10 MB
  // page in 134 ms against 89 (bench:text-index; both 2 December 2026).
  if (maxChars <= 0 || el.firstElementChild === null || el.querySelector(NOT_PLAIN) !== null) return null;
  const text = el.textContent ?? '';
  return text.length <= maxChars ? text : null;
}

/** A text node or plain block the walk reported. */
export type WalkEntry = Text | Element;

/**
 * The block a text node's words belong to: its nearest ancestor inside
 * `root` that is not inline, or null if there is none. Every text node of a
 * plain block the walk reported whole has that block here.
 */
export function blockAround(root: Element, node: Text): Element | null {
  let block: Node | null = node.parentNode;
  while (block && block !== root && block.nodeType === ELEMENT_NODE && isInlineTag((block as Element).tagName)) block = block.parentNode;
  return block && block !== root && block.nodeType === ELEMENT_NODE ? (block as Element) : null;
}

function isInlineTag(tag: string): boolean {
  // Unknown custom elements (with a hyphen) default to display: inline.
  return INLINE_TAGS.has(tag) || tag.includes('-');
}

/** The <summary> a closed <details> shows, if any. */
function summaryOf(details: Element): Element | null {
  for (let child = details.firstElementChild; child; child = child.nextElementSibling) if (child.tagName === 'SUMMARY') return child;
  return null;
}

/** What the walk reports to. */
export interface RenderedTextSink {
  /** A visible text node of at most LONG_TEXT_CHARS, and its data (read once by the walk). */
  text(node: Text, data: string): void;
  /** A plain block and its text (at most maxBlockChars). */
  block(el: Element, text: string): void;
  /** The longest text a plain block may have to be reported whole (0: none is). */
  readonly maxBlockChars: number;
  /** A longer one: the sink takes it in pieces of `pieceChars`, pausing (yield) between them. */
  longText(node: Text, data: string, pieceChars: number): Generator<void, void>;
  /** A block ends or starts, or a <br>: the words on either side must not run together. */
  boundary(): void;
  /** Characters written so far: the walk pauses every CHARS_PER_STEP of them. */
  readonly length: number;
}

/**
 * Work between two pauses of the walk: this many nodes, or this many
 * characters of text, whichever comes first. A text node longer than
 * LONG_TEXT_CHARS is itself read in pieces of that size: a single 2 MB text
 * node (red-team review S4) was one 67–87 ms task.
 *
 * Steps are small because the time slice is checked only between them, and
 * a step's cost is not steady: in Firefox the first steps run before the
 * JIT has compiled the walk, and with 1,000 nodes or 65,536 characters a
 * step, the first ones took 62–79 ms (200,000 nodes), 83–147 ms (10 MB
 * article) and 147 ms (2 MB node), against 8–15 ms once warm, each one
 * holding the page's timers that long. A quarter of that leaves the cold
 * steps within a frame; a pause the slicer does not take costs a generator
 * step, nothing more.
 */
export const NODES_PER_STEP = 250;
export const CHARS_PER_STEP = 16_384;
export const LONG_TEXT_CHARS = CHARS_PER_STEP;

/** Per element entered by the walk: it is inline; only its first child is rendered (a closed <details>). */
const INLINE = 1;
const ONLY_FIRST_CHILD = 2;

/** The walk's flags for an element it enters. */
function flagsOf(el: Element, tag = el.tagName): number {
  return (isInlineTag(tag) ? INLINE : 0) | (tag === 'DETAILS' && !el.hasAttribute('open') ? ONLY_FIRST_CHILD : 0);
}

/**
 * Walks `root`'s rendered text into `sink`, in document order, without
 * recursion (deep trees are fine), pausing (yield) every step.
 */
export function walkRenderedText(root: Element, sink: RenderedTextSink): Generator<void, void> {
  return walk(root, sink, root.firstChild, [], false, NODES_PER_STEP);
}

/**
 * The `count` entries that follow `from` (an entry the walk reported) in
 * the walk's order, as walkRenderedText would report them to a sink with
 * this `maxBlockChars`; fewer at the end of `root`, null if `from` is no
 * longer inside `root`. The text index keeps only every few entries it
 * walked and finds the others again with this (text-node-finder.ts says why).
 */
export function renderedTextAfter(root: Element, from: WalkEntry, count: number, maxBlockChars: number): WalkEntry[] | null {
  if (from === root || !root.contains(from)) return null;
  // The flags of the elements the walk had entered to reach `from`.
  const open: number[] = [];
  for (let el = from.parentElement; el && el !== root; el = el.parentElement) open.push(flagsOf(el));
  open.reverse();
  const found: WalkEntry[] = [];
  const collect: RenderedTextSink = {
    text: (node) => void found.push(node),
    block: (el) => void found.push(el),
    *longText(node) {
      found.push(node);
    },
    boundary: () => {},
    length: 0,
    maxBlockChars,
  };
  // Pausing every few nodes to see whether enough were found: the walk may
  // go a little past the last one needed, which costs less than a pause per node.
  const steps = walk(root, collect, from, open, true, 16);
  while (found.length < count && !steps.next().done);
  return found.slice(0, count);
}

/**
 * The walk from `start`; `open` holds the flags of the elements entered to
 * reach it (INLINE, ONLY_FIRST_CHILD: read on the way out instead of asking
 * the DOM again); `resume`: `start` was reported already, go on after it.
 */
function* walk(
  root: Element,
  sink: RenderedTextSink,
  start: Node | null,
  open: number[],
  resume: boolean,
  nodesPerStep: number,
): Generator<void, void> {
  let visited = 0;
  let lengthAtStep = 0;
  let node = start;
  let done = resume;
  while (node) {
    if (!done) {
      if (++visited % nodesPerStep === 0 || sink.length - lengthAtStep > CHARS_PER_STEP) {
        lengthAtStep = sink.length;
        yield;
      }
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length > LONG_TEXT_CHARS) yield* sink.longText(node as Text, data, LONG_TEXT_CHARS);
        else sink.text(node as Text, data);
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        const tag = el.tagName;
        if (tag === 'BR') sink.boundary();
        else if (!isSkippedElement(el, tag)) {
          const flags = flagsOf(el, tag);
          const text = flags & (INLINE | ONLY_FIRST_CHILD) ? null : plainBlockText(el, sink.maxBlockChars);
          if (text !== null) {
            // Its boundaries, as entering and leaving it would give them; then on after it.
            sink.boundary();
            sink.block(el, text);
            sink.boundary();
            done = true;
            continue;
          }
          if (!(flags & INLINE)) sink.boundary();
          // A closed <details> renders its <summary> only.
          const first = flags & ONLY_FIRST_CHILD ? summaryOf(el) : el.firstChild;
          if (first) {
            open.push(flags);
            node = first;
            continue;
          }
        }
      }
    }
    done = false;
    // Climb until there is a next sibling to visit, marking the end of each block left.
    let next: Node | null = null;
    while (node && node !== root && ((next = node.nextSibling) === null || (open.length > 0 && open[open.length - 1] & ONLY_FIRST_CHILD))) {
      node = node.parentNode;
      if (node && node !== root && !((open.pop() ?? 0) & INLINE)) sink.boundary();
    }
    if (!node || node === root) break;
    node = next;
  }
}
