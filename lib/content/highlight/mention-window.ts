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
 *
 * The boxes are read just after a frame (after-frame.ts), never in the task
 * that annotated the page nor in a scroll or frame callback: there the
 * layout may be dirty, and the first box read would lay out the whole page
 * inside Backstory's task (the bench's 10 MB, 2 MB-node and 200,000-node
 * pages are one such layout each).
 *
 * The new set is registered in the next frame's own callback, not in the
 * task that read the boxes: a registry change makes Chromium rebuild the
 * highlight markers and repaint the highlighted text nodes in the next
 * lifecycle update, and when that update came from a script (the pointer's
 * hit test just after the frame, interaction.ts) it ran inside Backstory's
 * task: 88 ms of PrePaint on the bench's 2 MB text node (trace of
 * 2026-12-01). In the frame, the frame's own lifecycle does it once.
 */
import { afterNextFrame, type FrameTask } from '../after-frame';

export const REGISTER_ALL_UP_TO = 400;

export interface WindowedItem {
  readonly range: Range | null;
}

export class MentionWindow<T extends WindowedItem> {
  private first = 0;
  private last = 0;
  private pending: FrameTask | null = null;
  private registering = 0;
  private force = false;
  /*
   * Made only when there are listeners to remove: the first abort() in a
   * content script's world makes its DOMException for 0.4-0.7 ms (5.6 ms
   * once), which every re-render of a short article paid for nothing
   * (bench traces, 2 December 2026).
   */
  private listeners: AbortController | null = null;

  constructor(
    private readonly win: Window,
    private readonly items: readonly T[],
    private readonly register: (items: readonly T[]) => void,
  ) {
    if (items.length <= REGISTER_ALL_UP_TO) {
      register(items);
      return;
    }
    this.schedule(true);
    const onMove = () => this.schedule(false);
    const { signal } = (this.listeners = new AbortController());
    win.addEventListener('scroll', onMove, { passive: true, capture: true, signal });
    win.addEventListener('resize', onMove, { passive: true, signal });
  }

  dispose(): void {
    this.pending?.cancel();
    this.pending = null;
    this.win.cancelAnimationFrame(this.registering);
    this.listeners?.abort();
  }

  /** One update after the next frame, however many scroll events come before it. */
  private schedule(force: boolean): void {
    this.force ||= force;
    this.pending ??= afterNextFrame(this.win, () => {
      this.pending = null;
      const forced = this.force;
      this.force = false;
      this.update(forced);
    });
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
    const shown = this.items.slice(this.first, this.last);
    this.win.cancelAnimationFrame(this.registering);
    this.registering = this.win.requestAnimationFrame(() => this.register(shown));
  }
}
