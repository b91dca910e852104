/**
 * A text index over an element's rendered text.
 *
 * The index concatenates the element's visible text nodes into one
 * normalised string (see normalize.ts) and remembers, for every character of
 * that string, which text node and offset it came from. Anchoring and
 * matching work on the string; highlighting turns string offsets back into
 * DOM Ranges. Nothing in the DOM is changed.
 *
 * Rendered-text rules (these define the offsets of TextPositionSelectors):
 * - block boundaries and <br> become one space, so words in adjacent
 *   paragraphs never run together; inline elements (<a>, <em>, <span>...)
 *   add nothing, so a name split across them is still one run of text;
 * - whitespace runs collapse to one space; the text is trimmed;
 * - script, style, form controls, hidden and aria-hidden subtrees, and
 *   Backstory's own nodes are skipped.
 */
import { normalizeCode } from './normalize';

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

export interface TextIndex {
  readonly root: Element;
  /** The normalised rendered text. */
  readonly text: string;
  /** Text nodes in document order. */
  readonly nodes: readonly Text[];
  /** DOM Range over `text.slice(start, end)`, or null for an empty span. */
  toRange(start: number, end: number): Range | null;
  /** Offset in `text` of a DOM point inside an indexed text node, or -1. */
  offsetOf(node: Node, offset: number): number;
}

export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_NODE_ATTRIBUTE)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style;
  return style !== undefined && style.display === 'none';
}

function isInline(el: Element): boolean {
  // Unknown custom elements (with a hyphen) default to display: inline.
  return INLINE_TAGS.has(el.tagName) || el.tagName.includes('-');
}

/** Builds the index. Cost is linear in the text length. */
export function buildTextIndex(root: Element): TextIndex {
  const nodes: Text[] = [];
  const nodeIds = new Map<Node, number>();
  let text = '';
  // For each character of `text`: its text node (-1 for a space that stands
  // for a block boundary) and its offset there.
  const charNode: number[] = [];
  const charOffset: number[] = [];
  // For each text node, the span of `text` it produced.
  const nodeFirst: number[] = [];
  const nodeEnd: number[] = [];
  // A space waiting to be written (only before more text), and where it came from.
  let space: [number, number] | null = null;
  const blockBoundary = () => (space ??= [-1, 0]);

  const addText = (textNode: Text): void => {
    const id = nodes.push(textNode) - 1;
    nodeIds.set(textNode, id);
    nodeFirst.push(charNode.length);
    const data = textNode.data;
    let chunk = '';
    for (let k = 0; k < data.length; k++) {
      const code = normalizeCode(data.charCodeAt(k));
      if (code === 32) space ??= [id, k];
      else if (code !== -1) {
        if (space && charNode.length > 0) {
          chunk += ' ';
          charNode.push(space[0]);
          charOffset.push(space[1]);
        }
        space = null;
        chunk += String.fromCharCode(code);
        charNode.push(id);
        charOffset.push(k);
      }
    }
    text += chunk;
    nodeEnd.push(charNode.length);
  };

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      addText(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (el.tagName === 'BR') blockBoundary();
      else if (!isSkippedElement(el)) {
        if (!isInline(el)) blockBoundary();
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until there is a next sibling, marking the end of each block left.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && !isInline(node as Element)) blockBoundary();
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }

  const toRange = (start: number, end: number): Range | null => {
    // Spaces that stand for block boundaries have no DOM position: step over them.
    let s = Math.max(0, start);
    let e = Math.min(text.length, end);
    while (s < e && charNode[s] < 0) s++;
    while (e > s && charNode[e - 1] < 0) e--;
    if (s >= e) return null;
    const range = root.ownerDocument.createRange();
    range.setStart(nodes[charNode[s]], charOffset[s]);
    range.setEnd(nodes[charNode[e - 1]], charOffset[e - 1] + 1);
    return range;
  };

  const offsetOf = (target: Node, offset: number): number => {
    const id = nodeIds.get(target);
    if (id === undefined) return -1;
    let lo = nodeFirst[id];
    let hi = nodeEnd[id];
    // The node's span may open with a space carried over from before it.
    if (lo < hi && charNode[lo] !== id) lo++;
    // First character of this node at or after `offset`; offsets only grow.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (charOffset[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return { root, text, nodes, toRange, offsetOf };
}
