/**
 * Turns the reader's pointer, touch and keyboard input into reports to the
 * card controller, which decides what opens and closes. Listeners are passive and on the document, so the page's
 * own handlers run as before and links inside highlights keep their clicks.
 *
 * Only the reader's own input counts: events a page script makes and
 * dispatches (`isTrusted` false) are ignored, so a page cannot open cards,
 * move focus out of the field the reader is typing in, or close a card the
 * reader is reading. Tests use real input (Playwright, puppeteer).
 */
import { caretAt, rangeContainsPoint } from './highlight/hit-test';
import { afterNextFrame, type FrameTask } from './after-frame';
import type { PlacedAnnotation } from './annotate-page';
import type { CardController } from './card-controller';
import { keyCommand } from './keyboard';

/** What the input reports to: the card controller. */
export type CardInput = Pick<CardController, 'pointerOver' | 'tap' | 'step' | 'close' | 'contains'>;

/** The annotations whose text is at a DOM point (candidates for a hit). */
export type AnnotationsAt = (node: Node, offset: number) => PlacedAnnotation[];

export class Interaction {
  private pending: FrameTask | null = null;
  private lastMove: { x: number; y: number; at: number } | null = null;
  /** Every listener of this owner, removed at once. */
  private readonly listeners = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly annotationsAt: AnnotationsAt,
    private readonly cards: CardInput,
    /** Is anything placed? While not, the pointer is never hit-tested. */
    private readonly anyPlaced: () => boolean,
  ) {
    const win = doc.defaultView!;
    this.listen(doc, 'pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.listen(doc, 'pointerup', (e) => this.onPointerUp(e as PointerEvent));
    this.listen(doc, 'keydown', (e) => this.onKeyDown(e as KeyboardEvent), true);
    this.listen(doc, 'focusin', (e) => this.onFocusIn(e as FocusEvent));
    this.listen(win, 'blur', () => this.cards.pointerOver(null));
  }

  dispose(): void {
    this.pending?.cancel();
    this.pending = null;
    this.listeners.abort();
  }

  private listen(target: EventTarget, type: string, handler: (e: Event) => void, capture = false): void {
    const trusted = (e: Event) => {
      if (e.isTrusted) handler(e);
    };
    target.addEventListener(type, trusted, { passive: type !== 'keydown', capture, signal: this.listeners.signal });
  }

  private hitTest(x: number, y: number): PlacedAnnotation | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    for (const candidate of this.annotationsAt(caret.node, caret.offset)) {
      if (candidate.range && rangeContainsPoint(candidate.range, x, y)) return candidate;
    }
    return null;
  }

  private onPointerMove(event: PointerEvent): void {
    // Nothing placed (a page too long to annotate, every type turned off):
    // no hit test. Each lays out and searches the page under the pointer; on
    // the bench's 10 MB page the two per frame made a 57 ms task of
    // Backstory's for nothing (docs/performance-log.md, 2 December 2026).
    if (event.pointerType === 'touch' || !this.anyPlaced()) return;
    this.lastMove = { x: event.clientX, y: event.clientY, at: event.timeStamp };
    // One hit test per frame, however fast the pointer events come, just after
    // the frame: the page may have changed its DOM in its own frame callbacks,
    // and hit-testing then would lay it out again inside Backstory's task.
    this.pending ??= afterNextFrame(this.doc.defaultView!, () => {
      this.pending = null;
      const point = this.lastMove;
      if (!point) return;
      if (this.cards.contains(this.doc.elementFromPoint(point.x, point.y))) return;
      this.cards.pointerOver(this.hitTest(point.x, point.y), { x: point.x, y: point.y }, point.at);
    });
  }

  private onPointerUp(event: PointerEvent): void {
    if ((event.pointerType !== 'touch' && event.pointerType !== 'pen') || !this.anyPlaced()) return;
    const target = event.target as Element | null;
    if (this.cards.contains(target)) return;
    const hit = this.hitTest(event.clientX, event.clientY);
    // A highlight inside a link keeps the link's tap.
    this.cards.tap(hit && !target?.closest?.('a[href]') ? hit : null, { x: event.clientX, y: event.clientY });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const command = keyCommand(event);
    if (command === 'close') this.cards.close('escape');
    else if (command && this.cards.step(command)) event.preventDefault();
  }

  private onFocusIn(event: FocusEvent): void {
    // Focus moved somewhere else on the page: the card has lost its reader.
    if (!this.cards.contains(event.target as Node)) this.cards.close('focus-left');
  }
}
