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

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'BUTTON', 'SVG', 'svg', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD',
]);

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD',
  'MARK', 'Q', 'RUBY', 'RB', 'RP', 'RT', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP',
  'TIME', 'U', 'VAR', 'DEL', 'INS', 'LABEL', 'WBR', 'IMG', 'OUTPUT', 'METER', 'PROGRESS',
]);

/** Attribute that marks Backstory's own elements, which the index skips. */
export const OWN_NODE_ATTRIBUTE = 'data-backstory';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface DomPoint {
  node: Text;
  offset: number;
}

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
  const out: number[] = [];
  // For each output character: the index of its text node (-1 for a space
  // that stands for a block boundary) and its offset in that node.
  let charNode = new Int32Array(1024);
  let charOffset = new Int32Array(1024);
  // For each text node, the range of output characters it produced.
  const nodeFirst: number[] = [];
  const nodeEnd: number[] = [];
  let pendingSpace = false;
  let spaceNode = -1;
  let spaceOffset = 0;

  const push = (code: number, node: number, offset: number): void => {
    const i = out.length;
    if (i === charNode.length) {
      const n = new Int32Array(i * 2);
      n.set(charNode);
      charNode = n;
      const o = new Int32Array(i * 2);
      o.set(charOffset);
      charOffset = o;
    }
    out.push(code);
    charNode[i] = node;
    charOffset[i] = offset;
  };

  const blockBoundary = (): void => {
    if (!pendingSpace) {
      pendingSpace = true;
      spaceNode = -1;
      spaceOffset = 0;
    }
  };

  const addText = (textNode: Text): void => {
    const id = nodes.length;
    nodes.push(textNode);
    nodeIds.set(textNode, id);
    nodeFirst.push(out.length);
    const data = textNode.data;
    for (let k = 0; k < data.length; k++) {
      const code = normalizeCode(data.charCodeAt(k));
      if (code === -1) continue;
      if (code === 32) {
        if (!pendingSpace) {
          pendingSpace = true;
          spaceNode = id;
          spaceOffset = k;
        }
        continue;
      }
      if (pendingSpace) {
        if (out.length > 0) push(32, spaceNode, spaceOffset);
        pendingSpace = false;
      }
      push(code, id, k);
    }
    nodeEnd.push(out.length);
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
      if (node && node !== root && node.nodeType === ELEMENT_NODE && !isInline(node as Element)) {
        blockBoundary();
      }
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }

  let text = '';
  for (let i = 0; i < out.length; i += 8192) {
    text += String.fromCharCode(...out.slice(i, i + 8192));
  }
  const length = out.length;

  const toRange = (start: number, end: number): Range | null => {
    // Spaces that stand for block boundaries have no DOM position: step over them.
    let s = Math.max(0, start);
    let e = Math.min(length, end);
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
