/**
 * Hover intent for the cards, after Wikipedia Page Previews
 * (wikimedia/mediawiki-extensions-Popups, src/constants.js): a card opens
 * only after the pointer rests on a highlight, stays open while the pointer
 * crosses to the card (a grace period), and closes when the pointer has left
 * both. WCAG 2.2 SC 1.4.13: hoverable, dismissible, persistent.
 */

/** Page Previews shows its card ~500 ms after hover; 400 ms feels snappier and still ignores a passing pointer. */
export const OPEN_DELAY_MS = 400;
/** Page Previews' ABANDON_END_DELAY: time to cross from the highlight to the card. */
export const CLOSE_GRACE_MS = 300;

export interface HoverIntentActions<T> {
  open(target: T): void;
  close(): void;
  /**
   * A card for `target` will open when the delay ends, unless the pointer
   * moves on: the work of opening it can start now, so the card shows the
   * moment the delay ends (issue #16: within a frame of the delay).
   */
  prepare?(target: T): void;
  /** The pointer moved on before the delay ended: what prepare started can go. */
  unprepare?(): void;
}

export class HoverIntent<T> {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingTarget: T | null = null;
  private shown: T | null = null;
  private inCard = false;
  /** After Escape, the target under the pointer stays closed until the pointer leaves it. */
  private suppressed: T | null = null;

  constructor(
    private readonly actions: HoverIntentActions<T>,
    private readonly openDelay = OPEN_DELAY_MS,
    private readonly closeGrace = CLOSE_GRACE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get current(): T | null {
    return this.shown;
  }

  /**
   * The pointer is over `target` (or over no annotation), since `since` (the
   * pointer event's timeStamp, on the performance.now() clock): the delay
   * counts from the pointer's arrival, not from the frame the hit test ran in.
   */
  pointerOver(target: T | null, since?: number): void {
    if (target !== this.suppressed) this.suppressed = null;
    if (target !== null && target === this.shown) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    if (target !== this.pendingTarget) this.cancelOpen();
    if (this.shown !== null && !this.inCard) this.scheduleClose();
    if (target === null || target === this.suppressed || target === this.pendingTarget) return;
    this.pendingTarget = target;
    const waited = since === undefined ? 0 : Math.max(0, this.now() - since);
    this.openTimer = setTimeout(() => {
      this.openTimer = undefined;
      this.pendingTarget = null;
      this.adopt(target);
      this.actions.open(target);
    }, Math.max(0, this.openDelay - waited));
    // Only the first card: an open card stays as it is until the delay ends.
    if (this.shown === null) this.actions.prepare?.(target);
  }

  /** A card for `target` was opened some other way (keyboard, touch, popup): track it as shown. */
  adopt(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.shown = target;
    this.inCard = false;
  }

  enterCard(): void {
    this.inCard = true;
    this.cancelClose();
    // A highlight crossed on the way in must not replace the card being reached for.
    this.cancelOpen();
  }

  leaveCard(): void {
    this.inCard = false;
    if (this.shown !== null) this.scheduleClose();
  }

  /**
   * The card was closed another way (Escape, a tap outside, focus leaving):
   * forget it without reporting a close, and keep the target under the
   * pointer closed until the pointer leaves it.
   */
  dismissed(): void {
    this.suppressed = this.shown ?? this.pendingTarget;
    this.cancelOpen();
    this.cancelClose();
    this.shown = null;
    this.inCard = false;
  }

  /** Forget everything (the annotations were rebuilt). */
  reset(): void {
    this.cancelOpen();
    this.cancelClose();
    this.shown = null;
    this.suppressed = null;
    this.inCard = false;
  }

  private hide(): void {
    this.cancelClose();
    if (this.shown === null) return;
    this.shown = null;
    this.inCard = false;
    this.actions.close();
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      this.hide();
    }, this.closeGrace);
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) {
      clearTimeout(this.openTimer);
      this.actions.unprepare?.();
    }
    this.openTimer = undefined;
    this.pendingTarget = null;
  }
}
