/**
 * The entries of a text index (text nodes, and plain blocks read whole:
 * rendered-text.ts), found again on demand. The offset map
 * (offset-map.ts) numbers the entries it writes in walk order (their
 * ordinals) and keeps a reference to only some of them, the checkpoints
 * (NODE_KEEPING); any other is found by walking on from the checkpoint
 * before it (renderedTextAfter), and each stretch between checkpoints is
 * walked once and cached.
 *
 * The page may have changed since the walk: a stretch whose checkpoint has
 * left the root, or whose entries have other lengths than when they were
 * written, is not found at all (the lookups then place nothing, and the
 * page watcher re-annotates).
 */
import { blockAround, renderedTextAfter, type WalkEntry } from './rendered-text';

/** Which entries are kept: all of the first `kept`, then every `every`-th. */
export interface NodeKeeping {
  readonly kept: number;
  readonly every: number;
}

/**
 * Keeping every node kept every node's JS wrapper alive: on the bench's
 * page of 200,000 text nodes the garbage collector then copied and
 * promoted them all, and single steps of the walk took 60-145 ms, most of
 * it collection; keeping one in 64 past the first thousand, Backstory's
 * longest task there fell to 35-52 ms (docs/performance-log.md, 2 December
 * 2026). An article (about a hundred text nodes) keeps them all and never walks
 * again: finding them again cost it about 0.6 ms of CPU time in A/B runs.
 */
export const NODE_KEEPING: NodeKeeping = { kept: 1024, every: 64 };

/** Is the entry with this ordinal a checkpoint? */
export function keepsNode(ordinal: number, { kept, every }: NodeKeeping): boolean {
  return ordinal < kept || (ordinal - kept) % every === 0;
}

export interface TextNodeFinder {
  /** The entry with this ordinal (0 for the first written), or null if it cannot be found again. */
  entryAt(ordinal: number): WalkEntry | null;
  /** A DOM point in a written entry: the entry's ordinal and the offset in its text; null if not written or not found again. */
  locate(node: Node, offset: number): { ordinal: number; raw: number } | null;
}

const entryLength = (entry: WalkEntry): number => (entry.nodeType === 3 ? (entry as Text).length : (entry.textContent?.length ?? 0));

/**
 * The first of a block's text nodes, in order, for which `found` (given the
 * node and the offset of its first character in the block's text) is true,
 * with that offset; null if none is. Allocates nothing per node: hit tests
 * run on every pointer move, and on the 200,000-node page garbage
 * collection there is slow.
 */
function findTextNode(block: Element, found: (node: Text, at: number) => boolean): [Text, number] | null {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  let at = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (found(node, at)) return [node, at];
    at += node.length;
  }
  return null;
}

/**
 * The text nodes and offsets of characters `a` and `b` (a <= b) of one
 * entry's text, or null if either is past its end. A block's text nodes are
 * walked once for both: most annotations lie inside one paragraph, and
 * walking it twice per Range (with the entry's check in `entryAt` twice)
 * was most of a re-render's placing time.
 */
export function charPoints(entry: WalkEntry, a: number, b: number): [[Text, number], [Text, number]] | null {
  if (entry.nodeType === 3) return [[entry as Text, a], [entry as Text, b]];
  let from = null as [Text, number] | null;
  const hit = findTextNode(entry as Element, (node, at) => {
    if (!from && a < at + node.length) from = [node, a - at];
    return b < at + node.length;
  });
  return hit && from && [from, [hit[0], b - hit[1]]];
}

/** The offset in a block's text of a point in one of its text nodes, or -1 if the node is not in it. */
function offsetInBlock(block: Element, node: Text, offset: number): number {
  const hit = findTextNode(block, (n) => n === node);
  return hit ? hit[1] + offset : -1;
}

/**
 * How far back a text node's lookup looks for a known entry (a checkpoint
 * or a plain block), in steps through the DOM: a text entry is at most
 * `every` entries past its checkpoint, plus the elements around them. A
 * node further back is treated as not in the index, so a hit test (on every
 * pointer move) past the end of a cut-short index costs a millisecond or two
 * at worst, not tens (bench:text-index on the 10 MB page, 2026-12-02).
 */
const MAX_NODES_BACK = 1_000;

/**
 * `checkpoints`: the kept entries, in order; `nodeLength`: every written
 * entry's length, by ordinal; `blockAt`: every plain block written, by
 * ordinal; `maxBlockChars`: as the writer's (the walk must split the page
 * into the same entries again).
 *
 * Plain blocks are all held (decision 0037): a block is found by its
 * element, and a hit test in one needs no walk. They are far fewer than
 * text nodes (1,556 on the bench's 1 MB page of 20,393 text nodes; 10,000
 * on its 200,000-node page). Found instead by walking back to a
 * checkpoint, 2,000 lookups of each kind on that page took 655 ms; by a
 * binary search over the checkpoints in document order, 704 ms
 * (`compareDocumentPosition`, which Chromium answers by counting siblings:
 * 18 µs a call among 10,000 paragraphs).
 */
export function textNodeFinder(
  root: Element,
  checkpoints: readonly WalkEntry[],
  nodeLength: readonly number[],
  blockAt: ReadonlyMap<number, Element>,
  keeping: NodeKeeping,
  maxBlockChars: number,
): TextNodeFinder {
  const { kept, every } = keeping;
  const stretches: (WalkEntry[] | null)[] = [];
  // Made on the first hit test: the article's first pass only asks for entries.
  let checkpointOrdinal: Map<Node, number> | undefined;
  let blockOrdinal: Map<Node, number> | undefined;
  const knownOrdinal = (node: Node): number | undefined => checkpointOrdinal!.get(node) ?? blockOrdinal!.get(node);

  // Checkpoint k >= kept starts a stretch of `every` entries; k < kept is a stretch of one.
  const firstOrdinal = (k: number) => kept + (k - kept) * every;

  /** An entry held by reference, if it is still in the root with the length it had. */
  const heldEntry = (entry: WalkEntry, ordinal: number): WalkEntry | null =>
    entryLength(entry) === nodeLength[ordinal] && root.contains(entry) ? entry : null;

  /** The entries from checkpoint k (k >= kept) to the next, or null if the page changed since. */
  const stretch = (k: number): WalkEntry[] | null => {
    if (stretches[k] !== undefined) return stretches[k];
    const first = firstOrdinal(k);
    const count = Math.min(every, nodeLength.length - first);
    const rest = renderedTextAfter(root, checkpoints[k], count - 1, maxBlockChars);
    let entries: WalkEntry[] | null = rest && [checkpoints[k], ...rest];
    if (entries && (entries.length < count || entries.some((entry, i) => entryLength(entry) !== nodeLength[first + i]))) entries = null;
    return (stretches[k] = entries);
  };

  const entryAt = (ordinal: number): WalkEntry | null => {
    if (ordinal < 0 || ordinal >= nodeLength.length) return null;
    const block = blockAt.get(ordinal);
    if (block) return heldEntry(block, ordinal);
    if (ordinal < kept) return heldEntry(checkpoints[ordinal], ordinal);
    const k = kept + Math.floor((ordinal - kept) / every);
    return stretch(k)?.[ordinal - firstOrdinal(k)] ?? null;
  };

  /** The node before `node` in document order, not looking inside a known entry. */
  const previous = (node: Node): Node | null => {
    let prev = node.previousSibling;
    if (!prev) return node.parentNode === root ? null : node.parentNode;
    while (prev.lastChild && knownOrdinal(prev) === undefined) prev = prev.lastChild;
    return prev;
  };

  /** A text entry's ordinal: from the nearest known entry before it, on through the entries after that. */
  const textOrdinal = (text: Text): number => {
    for (let n: Node | null = text, i = 0; n && i < MAX_NODES_BACK; n = previous(n), i++) {
      const from = knownOrdinal(n);
      if (from === undefined) continue;
      // The text lies before the next known entry (else the walk back had met that one first).
      if (entryAt(from) === text) return from;
      for (let ordinal = from + 1; ordinal < nodeLength.length && !keepsNode(ordinal, keeping) && !blockAt.has(ordinal); ordinal++) {
        if (entryAt(ordinal) === text) return ordinal;
      }
      return -1;
    }
    return -1;
  };

  return {
    entryAt,
    locate(node, offset) {
      if (node.nodeType !== 3 /* Node.TEXT_NODE */ || !root.contains(node)) return null;
      checkpointOrdinal ??= new Map<Node, number>(checkpoints.map((entry, k) => [entry, k < kept ? k : firstOrdinal(k)]));
      blockOrdinal ??= new Map<Node, number>(Array.from(blockAt, ([ordinal, block]) => [block, ordinal]));
      // Inside a plain block written whole, the point is in that block's text; elsewhere the text node is its own entry.
      const block = blockAround(root, node as Text);
      const inBlock = block ? blockOrdinal.get(block) : undefined;
      if (block && inBlock !== undefined) {
        const raw = entryAt(inBlock) === block ? offsetInBlock(block, node as Text, offset) : -1;
        return raw < 0 ? null : { ordinal: inBlock, raw };
      }
      const ordinal = textOrdinal(node as Text);
      return ordinal < 0 ? null : { ordinal, raw: offset };
    },
  };
}
