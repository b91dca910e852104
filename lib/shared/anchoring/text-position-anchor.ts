/** A passage by its offsets in the rendered text (W3C TextPositionSelector). */
import type { TextPositionSelector } from '../annotations/types';
import type { IndexedText } from '../text/indexed-text';

export class TextPositionAnchor {
  constructor(
    readonly index: IndexedText,
    readonly start: number,
    readonly end: number,
  ) {}

  static fromRange(index: IndexedText, range: Range): TextPositionAnchor | null {
    const start = index.offsetOf(range.startContainer, range.startOffset);
    const end = index.offsetOf(range.endContainer, range.endOffset);
    return start < 0 || end < start ? null : new TextPositionAnchor(index, start, end);
  }

  static fromSelector(index: IndexedText, selector: TextPositionSelector): TextPositionAnchor | null {
    const { start, end } = selector;
    return start >= 0 && end > start && end <= index.text.length ? new TextPositionAnchor(index, start, end) : null;
  }

  get quote(): string {
    return this.index.text.slice(this.start, this.end);
  }

  toRange(): Range | null {
    return this.index.toRange(this.start, this.end);
  }

  toSelector(): TextPositionSelector {
    return { type: 'TextPositionSelector', start: this.start, end: this.end };
  }
}
