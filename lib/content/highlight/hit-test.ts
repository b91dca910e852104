/**
 * Which text is under the pointer. Custom highlights are not elements, so
 * they receive no events: the caret position at the point gives the text
 * node and offset, and the candidate's client rects confirm that the point
 * is really on its text (the caret snaps to the nearest character even in
 * the margins).
 */

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Is (x, y) inside one of the range's line boxes (with a pixel of slack)? */
export function rangeContainsPoint(range: Range, x: number, y: number, slack = 1): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack) {
      return true;
    }
  }
  return false;
}

/** The line box of the range nearest to a point (a highlight can wrap across lines). */
export function nearestLineRect(range: Range, x?: number, y?: number): DOMRect | null {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) return null;
  if (x === undefined || y === undefined) return rects[0];
  let best = rects[0];
  let bestDistance = Infinity;
  for (const rect of rects) {
    const dx = x < rect.left ? rect.left - x : x > rect.right ? x - rect.right : 0;
    const dy = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = rect;
      bestDistance = distance;
    }
  }
  return best;
}
