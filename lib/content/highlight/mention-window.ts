/**
 * Which entity mentions are registered as highlights.
 *
 * Chromium re-validates every registered highlight range whenever the page's
 * DOM or style changes (HighlightRegistry::ValidateHighlightMarkers), about
 * 6 µs per range per frame: with the thousands of mentions of a long page,
 * every later frame of the page would pay tens of milliseconds. Up to
 * REGISTER_ALL_UP_TO mentions (an ordinary article has about a hundred) all
 * are registered once. Beyond that, only those from one screen above to one
 * screen below the viewport, found by binary search (mentions are in text
 * order, which is top-to-bottom order in an article's column), and the set
 * moves when the reader scrolls out of it. Keyboard paths, hit tests and the
 * popup use every mention regardless.
 */
export const REGISTER_ALL_UP_TO = 400;

export interface WindowedItem {
  readonly range: Range | null;
}

export class MentionWindow<T extends WindowedItem> {
  private first = 0;
  private last = 0;
  private frame = 0;
  private readonly onScroll = () => {
    if (!this.frame) this.frame = this.win.requestAnimationFrame(() => ((this.frame = 0), this.update(false)));
  };

  constructor(
    private readonly win: Window,
    private readonly items: readonly T[],
    private readonly register: (items: readonly T[]) => void,
  ) {
    if (items.length <= REGISTER_ALL_UP_TO) {
      register(items);
      return;
    }
    this.update(true);
    win.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    win.addEventListener('resize', this.onScroll, { passive: true });
  }

  dispose(): void {
    this.win.cancelAnimationFrame(this.frame);
    this.win.removeEventListener('scroll', this.onScroll, { capture: true });
    this.win.removeEventListener('resize', this.onScroll);
  }

  /** First item whose box passes `test` (boxes are in top-to-bottom order; items without a range count as above). */
  private lowerBound(test: (box: DOMRect) => boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const range = this.items[mid].range;
      if (range && test(range.getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private update(force: boolean): void {
    const height = this.win.innerHeight;
    const visibleFirst = this.lowerBound((box) => box.bottom >= 0);
    const visibleLast = this.lowerBound((box) => box.top > height);
    if (!force && visibleFirst >= this.first && visibleLast <= this.last) return;
    this.first = this.lowerBound((box) => box.bottom >= -height);
    this.last = this.lowerBound((box) => box.top > 2 * height);
    this.register(this.items.slice(this.first, this.last));
  }
}
