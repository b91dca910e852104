/**
 * The text nodes of a text index, found again on demand. The offset map
 * (offset-map.ts) numbers the text nodes it writes in walk order (their
 * ordinals) and keeps a reference to only some of them, the checkpoints
 * (NODE_KEEPING); any other is found by walking on from the checkpoint
 * before it (renderedTextAfter), and each stretch between checkpoints is
 * walked once and cached.
 *
 * The page may have changed since the walk: a stretch whose checkpoint has
 * left the root, or whose nodes have other lengths than when they were
 * written, is not found at all (the lookups then place nothing, and the
 * page watcher re-annotates).
 */
import { renderedTextAfter } from './rendered-text';

/** Which text nodes are kept: all of the first `kept`, then every `every`-th. */
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

/** Is the text node with this ordinal a checkpoint? */
export function keepsNode(ordinal: number, { kept, every }: NodeKeeping): boolean {
  return ordinal < kept || (ordinal - kept) % every === 0;
}

export interface TextNodeFinder {
  /** The text node with this ordinal (0 for the first written), or null if it cannot be found again. */
  nodeAt(ordinal: number): Text | null;
  /** The ordinal of a written text node, or -1 (not a written node, or not found again). */
  ordinalOf(node: Node): number;
}

/**
 * How far back ordinalOf looks for a checkpoint, in text nodes of the DOM:
 * a rendered node is at most `every` of them past its checkpoint, plus the
 * skipped ones between (scripts, hidden subtrees). A node further back is
 * treated as not in the index, so a hit test (on every pointer move) past
 * the end of a cut-short index costs a millisecond or two at worst, not
 * tens (bench:text-index on the 10 MB page, 2026-12-02).
 */
const MAX_TEXT_NODES_BACK = 1_000;

/** `checkpoints`: the kept nodes, in order; `nodeLength`: every written node's length, by ordinal. */
export function textNodeFinder(
  root: Element,
  checkpoints: readonly Text[],
  nodeLength: readonly number[],
  { kept, every }: NodeKeeping,
): TextNodeFinder {
  const stretches: (Text[] | null)[] = [];
  // Made on the first hit test: the article's first pass only asks for nodes.
  let checkpointAt: Map<Node, number> | undefined;

  // Checkpoint k >= kept starts a stretch of `every` nodes; k < kept is a stretch of one.
  const firstOrdinal = (k: number) => kept + (k - kept) * every;

  /** A kept node, if it is still in the root with the length it had. */
  const keptNode = (ordinal: number): Text | null => {
    const node = checkpoints[ordinal];
    return node.length === nodeLength[ordinal] && root.contains(node) ? node : null;
  };

  /** The nodes from checkpoint k (k >= kept) to the next, or null if the page changed since. */
  const stretch = (k: number): Text[] | null => {
    if (stretches[k] !== undefined) return stretches[k];
    const first = firstOrdinal(k);
    const count = Math.min(every, nodeLength.length - first);
    const rest = renderedTextAfter(root, checkpoints[k], count - 1);
    let nodes: Text[] | null = rest && [checkpoints[k], ...rest];
    if (nodes && (nodes.length < count || nodes.some((node, i) => node.length !== nodeLength[first + i]))) nodes = null;
    return (stretches[k] = nodes);
  };

  /** The checkpoint at or before `node` in document order, or -1. */
  const checkpointBefore = (node: Text): number => {
    checkpointAt ??= new Map<Node, number>(checkpoints.map((node, k) => [node, k]));
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    walker.currentNode = node;
    for (let n: Node | null = node, i = 0; n && i < MAX_TEXT_NODES_BACK; n = walker.previousNode(), i++) {
      const k = checkpointAt.get(n);
      if (k !== undefined) return k;
    }
    return -1;
  };

  return {
    nodeAt(ordinal) {
      if (ordinal < 0 || ordinal >= nodeLength.length) return null;
      if (ordinal < kept) return keptNode(ordinal);
      const k = kept + Math.floor((ordinal - kept) / every);
      return stretch(k)?.[ordinal - firstOrdinal(k)] ?? null;
    },
    ordinalOf(node) {
      if (node.nodeType !== 3 /* Node.TEXT_NODE */) return -1;
      const k = checkpointBefore(node as Text);
      // A node before the first stretch is either a kept node or not in the index.
      if (k < kept) return k >= 0 && checkpoints[k] === node && keptNode(k) ? k : -1;
      const i = stretch(k)?.indexOf(node as Text) ?? -1;
      return i < 0 ? -1 : firstOrdinal(k) + i;
    },
  };
}
