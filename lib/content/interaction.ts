/**
 * Turns the reader's pointer, touch and keyboard input into opening and
 * closing cards. Listeners are passive and on the document, so the page's
 * own handlers run as before and links inside highlights keep their clicks.
 *
 * Only the reader's own input counts: events a page script makes and
 * dispatches (`isTrusted` false) are ignored, so a page cannot open cards,
 * move focus out of the field the reader is typing in, or close a card the
 * reader is reading. Tests use real input (Playwright, puppeteer).
 */
import { caretAt, rangeContainsPoint } from '../highlight/hit-test';
import { HoverIntent } from './hover-intent';
import { keyCommand } from './keyboard';
import type { PlacedAnnotation } from './annotate-page';

export type OpenHow = { via: 'pointer' | 'keyboard' | 'touch'; x?: number; y?: number };

export interface InteractionHost {
  /** The annotations whose text is at a DOM point (candidates for a hit). */
  annotationsAt(node: Node, offset: number): PlacedAnnotation[];
  /** Annotations in text order. */
  ordered(): readonly PlacedAnnotation[];
  open(annotation: PlacedAnnotation, how: OpenHow): void;
  close(returnFocus: boolean): void;
  isInCard(node: Node | null): boolean;
  isCardOpen(): boolean;
}

export class Interaction {
  private readonly hover: HoverIntent<PlacedAnnotation>;
  private frame = 0;
  private lastMove: { x: number; y: number } | null = null;
  private cursor = -1;
  private readonly removers: (() => void)[] = [];

  constructor(
    private readonly doc: Document,
    private readonly host: InteractionHost,
  ) {
    this.hover = new HoverIntent<PlacedAnnotation>({
      open: (a) => this.host.open(a, { via: 'pointer', ...(this.lastMove ?? {}) }),
      close: () => this.host.close(false),
    });
    const win = doc.defaultView!;
    this.listen(doc, 'pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.listen(doc, 'pointerup', (e) => this.onPointerUp(e as PointerEvent));
    this.listen(doc, 'keydown', (e) => this.onKeyDown(e as KeyboardEvent), true);
    this.listen(doc, 'focusin', (e) => this.onFocusIn(e as FocusEvent));
    this.listen(win, 'blur', () => this.hover.pointerOver(null));
  }

  /** The pointer entered or left the card (from the card layer). */
  cardPointer(inside: boolean): void {
    if (inside) this.hover.enterCard();
    else this.hover.leaveCard();
  }

  /** Opened from outside (popup): becomes the keyboard position too. */
  shown(annotation: PlacedAnnotation): void {
    this.cursor = this.host.ordered().indexOf(annotation);
    this.hover.adopt(annotation);
  }

  closed(): void {
    this.hover.dismiss();
  }

  /** The annotations were rebuilt: old targets are gone. */
  reset(): void {
    this.hover.reset();
    this.cursor = -1;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.hover.reset();
    for (const remove of this.removers.splice(0)) remove();
  }

  private listen(target: EventTarget, type: string, handler: (e: Event) => void, capture = false): void {
    const trusted = (e: Event) => {
      if (e.isTrusted) handler(e);
    };
    target.addEventListener(type, trusted, { passive: type !== 'keydown', capture });
    this.removers.push(() => target.removeEventListener(type, trusted, { capture }));
  }

  private hitTest(x: number, y: number): PlacedAnnotation | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    for (const candidate of this.host.annotationsAt(caret.node, caret.offset)) {
      if (candidate.range && rangeContainsPoint(candidate.range, x, y)) return candidate;
    }
    return null;
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.lastMove = { x: event.clientX, y: event.clientY };
    if (this.frame) return;
    // One hit test per frame, however fast the pointer events come.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const point = this.lastMove;
      if (!point) return;
      if (this.host.isInCard(this.doc.elementFromPoint(point.x, point.y))) return;
      this.hover.pointerOver(this.hitTest(point.x, point.y));
    });
  }

  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch' && event.pointerType !== 'pen') return;
    const target = event.target as Element | null;
    if (this.host.isInCard(target)) return;
    const hit = this.hitTest(event.clientX, event.clientY);
    // A highlight inside a link keeps the link's tap.
    if (hit && !target?.closest?.('a[href]')) {
      this.lastMove = { x: event.clientX, y: event.clientY };
      this.host.open(hit, { via: 'touch', x: event.clientX, y: event.clientY });
      this.hover.adopt(hit);
    } else if (this.host.isCardOpen()) {
      this.hover.dismiss();
      this.host.close(false);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    const command = keyCommand(event);
    if (!command) return;
    if (command === 'close') {
      if (!this.host.isCardOpen()) return;
      this.hover.dismiss();
      this.host.close(true);
      return;
    }
    const list = this.host.ordered();
    if (list.length === 0) return;
    event.preventDefault();
    // Before the first move the cursor is nowhere: next is the first annotation, previous the last.
    const from = this.cursor < 0 && command === 'previous' ? list.length : this.cursor;
    this.cursor = command === 'next' ? (from + 1) % list.length : (from - 1 + list.length) % list.length;
    const annotation = list[this.cursor];
    this.host.open(annotation, { via: 'keyboard' });
    this.hover.adopt(annotation);
  }

  private onFocusIn(event: FocusEvent): void {
    // Focus moved somewhere else on the page: the card has lost its reader.
    if (this.host.isCardOpen() && !this.host.isInCard(event.target as Node)) {
      this.hover.dismiss();
      this.host.close(false);
    }
  }
}
