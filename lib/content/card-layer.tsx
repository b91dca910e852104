/**
 * The UI layer on the page: one host element with a closed shadow root
 * holding the card and a live region. The page's CSS cannot reach inside and
 * the card's CSS cannot leak out. It draws and reports; what is open, and
 * when, is the card controller's (card-controller.ts).
 *
 * The page must not be able to speak in Backstory's voice, so:
 * - the shadow root is closed: page scripts get `shadowRoot === null` and
 *   cannot rewrite a card's words or links (only this module keeps the root;
 *   browser tests record it as it is attached, tests/support/closed-roots.ts,
 *   and end-to-end tests read it through the browsers' protocols);
 * - the host is a plain <div>, which no page can claim with
 *   customElements.define (a custom element name such as "backstory-layer"
 *   could be defined by the page first: its constructor would run for
 *   Backstory's element and could attach a shadow root before Backstory);
 *   its one attribute has a random name, so no selector written in advance
 *   finds it;
 * - the card is a manual popover, shown in the top layer: no transform,
 *   filter or zoom on the page's <html> can misplace it and no overlay the
 *   page adds later can cover it.
 *
 * The host is a child of <html>, not <body>: a client-side framework that
 * re-renders <body> must not take the card with it.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/core';
import { render } from 'preact';
import AnnotationCard, { type CardView } from '../../components/card/AnnotationCard';
import type { RejectScope } from '../../components/card/NotThis';
import cardCss from '../../components/card/card.css?inline';
import type { Note } from '../shared/annotations/types';
import type { SourceLookup } from '../shared/annotations/fact-sourcing';
import { nearestLineRect } from './highlight/hit-test';
import { viewportPlatform } from './viewport-platform';

/** A reference Floating UI can measure: the highlighted text's line box. */
type LineReference = Pick<Element, 'getBoundingClientRect' | 'getClientRects'>;

export interface CardAnchor {
  range: Range;
  /** Pointer position when opened, to pick the nearest line of a wrapped highlight. */
  x?: number;
  y?: number;
}

export interface CardContent {
  view: CardView;
  relatedNotes: readonly Note[];
  sources: SourceLookup;
  articleDate?: string;
}

export interface CardLayerEvents {
  onClose(): void;
  onOpenNote(note: Note): void;
  onBack(): void;
  /** The reader says the linked words are not this entity ("Not this"). */
  onReject(scope: RejectScope): void;
  /** The pointer entered (true) or left (false) the card. */
  onPointer(inside: boolean): void;
}

const VIEWPORT_PADDING = 8;

/** An attribute name no page can know in advance: "data-" and ten random letters. */
function randomAttributeName(): string {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(10)), (byte) => String.fromCharCode(97 + (byte % 26)));
  return `data-${letters.join('')}`;
}

function supportsPopover(el: HTMLElement): boolean {
  return typeof el.showPopover === 'function';
}

/**
 * The zoom the card inherits from <html> (CSS `zoom` multiplies down the
 * tree, top layer or not): the card sets the inverse on itself to be drawn
 * at the reader's size, and positions are measured in unzoomed pixels.
 */
function rootZoom(doc: Document): number {
  const zoom = Number.parseFloat(getComputedStyle(doc.documentElement).zoom);
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

/**
 * Re-positions the card when the page scrolls (any scroller: capture), the
 * window resizes, or the card's own size changes. Floating UI's autoUpdate
 * does this too, with extra observers for layout shifts that a card open
 * for seconds does not need, at a cost the content script's size budget
 * cannot carry.
 */
function followAnchor(doc: Document, floating: HTMLElement, update: () => void): () => void {
  const win = doc.defaultView!;
  let frame = 0;
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), update()));
  };
  const options = { capture: true, passive: true };
  win.addEventListener('scroll', schedule, options);
  win.addEventListener('resize', schedule, options);
  const observer = new ResizeObserver(schedule);
  observer.observe(floating);
  update();
  return () => {
    win.cancelAnimationFrame(frame);
    win.removeEventListener('scroll', schedule, options);
    win.removeEventListener('resize', schedule, options);
    observer.disconnect();
  };
}

export class CardLayer {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly floating: HTMLElement;
  private readonly live: HTMLElement;
  private stopAutoUpdate: (() => void) | null = null;
  private anchor: CardAnchor | null = null;
  /** Content rendered ahead by prepare(), still hidden. */
  private prepared: CardContent | null = null;
  /** The frame callback that will render ahead, if one is waiting. */
  private preparing = 0;
  private focusOnShow = false;

  constructor(
    private readonly doc: Document,
    private readonly events: CardLayerEvents,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute(randomAttributeName(), '');
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = cardCss;
    this.live = doc.createElement('div');
    this.live.className = 'visually-hidden';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.floating = doc.createElement('div');
    this.floating.className = 'floating';
    this.floating.hidden = true;
    if (supportsPopover(this.floating)) this.floating.popover = 'manual';
    // Only the reader's own pointer counts (a page can dispatch look-alike events).
    this.floating.addEventListener('pointerenter', (e) => e.isTrusted && this.events.onPointer(true));
    this.floating.addEventListener('pointerleave', (e) => e.isTrusted && this.events.onPointer(false));
    this.shadow.append(style, this.live, this.floating);
    doc.documentElement.append(this.host);
  }

  get isOpen(): boolean {
    return !this.floating.hidden;
  }

  /** The card's dialog element, when open. */
  get card(): HTMLElement | null {
    return this.isOpen ? this.floating.querySelector<HTMLElement>('.card') : null;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.host.contains(node) || this.shadow.contains(node));
  }

  /**
   * Renders `content` into the hidden card, so showing it later only places
   * it. In the next frame's callback, like every change of Backstory's to
   * the page that does not answer the reader at once: in Chromium any DOM
   * change makes the next lifecycle update rebuild the highlight markers and
   * repaint the highlighted text, and a change made in a task of its own
   * was followed, often, by the pointer's hit test just after the frame
   * (interaction.ts), which then did that update inside Backstory's task
   * (66 ms of PrePaint on the bench's 2 MB text node, on top of the frame
   * that followed; trace of 2026-12-01). Made just before a frame, the
   * frame does it once.
   */
  prepare(content: CardContent): void {
    if (this.anchor) return;
    this.cancelPrepare();
    this.preparing = this.doc.defaultView!.requestAnimationFrame(() => {
      this.preparing = 0;
      if (!this.anchor) this.renderAhead(content);
    });
  }

  private cancelPrepare(): void {
    if (this.preparing) this.doc.defaultView?.cancelAnimationFrame(this.preparing);
    this.preparing = 0;
  }

  private renderAhead(content: CardContent): void {
    this.attach();
    this.renderCard(content);
    this.prepared = content;
    // In the top layer but invisible (no paint, no pointer, not in the
    // accessibility tree), and laid out by the next frame, inside the hover
    // delay: when the delay ends, placing and showing the card costs no
    // layout of its own. Not laid out here by reading a box: that forced the
    // layout inside Backstory's task (21-33 ms on the bench's 50,000-highlight
    // and 200,000-node pages, 31 ms on the 2 MB text node), which the frame
    // does anyway.
    this.floating.style.visibility = 'hidden';
    this.floating.hidden = false;
    this.showInTopLayer();
  }

  /** The pointer moved on before the delay ended: the card rendered ahead goes. */
  discardPrepared(): void {
    this.cancelPrepare();
    if (this.anchor || !this.prepared) return;
    this.prepared = null;
    this.hide();
  }

  show(content: CardContent, anchor: CardAnchor, focus: boolean): void {
    this.cancelPrepare();
    this.attach();
    this.anchor = anchor;
    if (content !== this.prepared) this.renderCard(content);
    this.prepared = null;
    // Hidden until Floating UI has placed it, so it never flashes at the corner.
    this.floating.style.visibility = 'hidden';
    this.floating.hidden = false;
    this.showInTopLayer();
    this.stopAutoUpdate?.();
    const reference = this.referenceFor(anchor);
    this.stopAutoUpdate = followAnchor(this.doc, this.floating, () => void this.position(reference));
    // Focus waits for the card to be placed and visible (hidden elements take no focus).
    this.focusOnShow = focus;
    const body = this.floating.querySelector('.card__body');
    if (body) body.scrollTop = 0;
  }

  private renderCard(content: CardContent): void {
    render(
      <AnnotationCard
        view={content.view}
        relatedNotes={content.relatedNotes}
        sources={content.sources}
        articleDate={content.articleDate}
        onClose={this.events.onClose}
        onOpenNote={this.events.onOpenNote}
        onBack={this.events.onBack}
        onReject={this.events.onReject}
      />,
      this.floating,
    );
  }

  /** Re-renders the open card with new content (e.g. a note opened from an entity card). */
  update(content: CardContent, focus: boolean): void {
    if (this.anchor) this.show(content, this.anchor, focus);
  }

  hide(): void {
    this.cancelPrepare();
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.anchor = null;
    this.prepared = null;
    render(null, this.floating);
    if (supportsPopover(this.floating) && this.floating.matches(':popover-open')) this.floating.hidePopover();
    this.floating.hidden = true;
  }

  private showInTopLayer(): void {
    const floating = this.floating;
    if (!supportsPopover(floating) || floating.matches(':popover-open')) return;
    try {
      floating.showPopover();
    } catch {
      // The page removed the layer's host (it is put back on the next show):
      // the card stays a fixed-position element until then.
    }
  }

  /** Tells screen readers something happened (ARIA references cannot cross into the shadow root). */
  announce(message: string): void {
    this.attach();
    // Clearing first makes a repeated message be announced again.
    this.live.textContent = '';
    // Set just before a frame, as prepare() renders.
    setTimeout(() => {
      this.doc.defaultView?.requestAnimationFrame(() => {
        this.live.textContent = message;
      });
    }, 50);
  }

  /** Puts the host back if the page removed it (a framework re-rendering, a hostile script). */
  private attach(): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  dispose(): void {
    this.hide();
    this.host.remove();
  }

  private referenceFor(anchor: CardAnchor): LineReference {
    const { range } = anchor;
    // Which line of a wrapped highlight the card belongs to, fixed at open
    // time so it follows that line when the page scrolls.
    const rects = Array.from(range.getClientRects());
    const nearest = nearestLineRect(range, anchor.x, anchor.y);
    const line = nearest ? Math.max(0, rects.findIndex((r) => r.top === nearest.top && r.left === nearest.left)) : 0;
    return {
      getBoundingClientRect: () => range.getClientRects()[line] ?? range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
    };
  }

  private async position(reference: LineReference): Promise<void> {
    const floating = this.floating;
    const zoom = rootZoom(this.doc);
    floating.style.zoom = zoom === 1 ? '' : String(1 / zoom);
    const { x, y } = await computePosition(reference, floating, {
      platform: viewportPlatform,
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(8),
        flip({ padding: VIEWPORT_PADDING }),
        shift({ padding: VIEWPORT_PADDING }),
        size({
          padding: VIEWPORT_PADDING,
          apply({ availableHeight }) {
            floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    });
    floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    floating.style.visibility = '';
    if (this.focusOnShow) this.card?.focus({ preventScroll: true });
    this.focusOnShow = false;
  }
}
