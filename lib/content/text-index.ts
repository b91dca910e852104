/**
 * A text index over an element's rendered text.
 *
 * The index concatenates the element's visible text nodes into one
 * normalised string and remembers, for every character of that string,
 * which text node and offset it came from. Anchoring and matching work on
 * the string; highlighting turns string offsets back into DOM Ranges.
 * Nothing in the DOM is changed. Two parts, each in its own module:
 * - the DOM walk (rendered-text.ts): which text the reader sees, and the
 *   rules that define the offsets of TextPositionSelectors;
 * - the offset mapping (offset-map.ts): the normalised string, and string
 *   offsets to DOM points and back.
 */
import type { IndexedText } from '../shared/text/indexed-text';
import { type OffsetMap, OffsetMapWriter } from './offset-map';
import { LONG_TEXT_CHARS, walkRenderedText } from './rendered-text';
import type { NodeKeeping } from './text-node-finder';

/** The article's text, indexed (IndexedText is what anchoring needs of it). */
export interface TextIndex extends IndexedText {
  readonly root: Element;
  /** The normalised rendered text. */
  readonly text: string;
  /** DOM Range over `text.slice(start, end)`, or null for an empty span. */
  toRange(start: number, end: number): Range | null;
  /** Offset in `text` of a DOM point inside an indexed text node, or -1. */
  offsetOf(node: Node, offset: number): number;
  /** True when indexing stopped at `maxChars` or `maxNodeChars`: `text` is only the start of the root's text. */
  readonly truncated: boolean;
  /** When indexing stopped at a text node longer than `maxNodeChars`: that node's length. */
  readonly longNodeChars?: number;
  /** `text.length`, known without the text (see truncatedIndex). */
  readonly textChars: number;
}

export interface TextIndexOptions {
  /** Stop once the text is longer than this (see annotate-page.ts, MAX_TEXT_CHARS). */
  maxChars?: number;
  /** Stop at a text node longer than this (see annotate-page.ts, MAX_NODE_CHARS). */
  maxNodeChars?: number;
  /** Which entries the index keeps (tests keep few, so small pages find entries again). */
  keeping?: NodeKeeping;
  /** Read plain blocks whole (rendered-text.ts); false reads every text node (tests compare the two). */
  plainBlocks?: boolean;
}

/** Builds the index in one go. Cost is linear in the text length. */
export function buildTextIndex(root: Element, options: TextIndexOptions = {}): TextIndex {
  const steps = textIndexSteps(root, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Builds the index, pausing (yield) between steps of the walk so a caller
 * can give the main thread back on long pages; the return value is the index.
 * Past `maxChars` the walk stops at its next pause.
 */
export function* textIndexSteps(root: Element, options: TextIndexOptions = {}): Generator<void, TextIndex> {
  const maxChars = options.maxChars ?? Infinity;
  const maxNodeChars = options.maxNodeChars ?? Infinity;
  // A block no longer than the longest node accepted, so that it never counts as a node too long.
  const writer = new OffsetMapWriter(options.keeping, options.plainBlocks === false ? 0 : Math.min(LONG_TEXT_CHARS, maxNodeChars));
  const tooLong = () => writer.length > maxChars || writer.longestNode > maxNodeChars;
  const walk = walkRenderedText(root, writer);
  for (let step = walk.next(); !step.done; step = walk.next()) {
    if (tooLong()) {
      walk.return();
      break;
    }
    writer.compact();
    yield;
  }
  if (tooLong()) return truncatedIndex(root, writer, writer.longestNode > maxNodeChars ? writer.longestNode : undefined);
  const map = writer.finish(root);
  return {
    root,
    text: map.text,
    toRange: map.toRange,
    offsetOf: map.offsetOf,
    truncated: false,
    textChars: map.text.length,
  };
}

/**
 * The index of a text too long to annotate (annotate-page.ts reports it
 * and places nothing): its text is joined only if something asks for it.
 * Joining the 3,000,000 characters of the bench's 10 MB page was one task
 * of 107-199 ms in Firefox, holding the page's timers that long for a text
 * nothing reads.
 */
function truncatedIndex(root: Element, writer: OffsetMapWriter, longNodeChars: number | undefined): TextIndex {
  let map: OffsetMap | undefined;
  const finished = () => (map ??= writer.finish(root));
  return {
    root,
    get text() {
      return finished().text;
    },
    toRange: (start, end) => finished().toRange(start, end),
    offsetOf: (node, offset) => finished().offsetOf(node, offset),
    truncated: true,
    textChars: writer.length,
    ...(longNodeChars === undefined ? {} : { longNodeChars }),
  };
}
