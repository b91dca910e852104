/**
 * What anchoring needs of an indexed text: the text, and the way between its
 * offsets and the DOM. In the page, lib/content/text-index.ts builds one from
 * the article; in the background (which matches and anchors the text the page
 * sends) only the text exists, and textOnly() stands in for the DOM half,
 * which anchoring by selector never calls.
 */
export interface IndexedText {
  readonly text: string;
  /** Offset in `text` of a DOM point, or -1 when the point is outside the indexed text. */
  offsetOf(node: Node, offset: number): number;
  /** DOM Range over `text.slice(start, end)`, or null for an empty span. */
  toRange(start: number, end: number): Range | null;
}

export function textOnly(text: string): IndexedText {
  return {
    text,
    offsetOf: () => -1,
    toRange: () => {
      throw new Error('Backstory: this text has no DOM (it was sent by the page)');
    },
  };
}
