/**
 * The open card, in one place: which annotation, which view, how it opened,
 * how it closes, where focus goes back to, and what screen readers hear.
 * Input (interaction.ts, the popup's reveal, the card's own buttons) only
 * reports here; the layer (card-layer.tsx) only draws what this decides.
 *
 * Every close goes through `close()`, once: it hides the card, clears the
 * focus highlight, tells hover intent, and gives focus back to where it was
 * when the card was opened by keyboard. WCAG 2.2 SC 1.4.13, 2.4.3.
 */
import type { CardView } from '../../components/card/AnnotationCard';
import type { RejectScope } from '../../components/card/NotThis';
import type { Entity, Note } from '../shared/annotations/types';
import { t } from '../shared/i18n';
import type { RevealTarget } from '../shared/messages';
import type { AnnotationResult, PlacedAnnotation, PlacedEntity } from './annotate-page';
import type { CardAnchor, CardContent, CardLayerEvents } from './card-layer';
import { HoverIntent } from './hover-intent';

/**
 * How long the pointer rests on an annotation before its card is rendered
 * ahead (within OPEN_DELAY_MS, 400). Rendering ahead changes the page's DOM
 * twice (render, then discard when the pointer moves on), and in Chromium
 * every DOM or style change makes the highlight registry rebuild its
 * markers and repaint every highlighted text node, recomputing its ink
 * overflow for the underline (HighlightRegistry::ValidateHighlightMarkers):
 * on the bench's single 2 MB text node each such frame took 130-230 ms
 * (PrePaint 70-110 ms, Paint 55-135 ms, bench trace of 2026-12-01), so a
 * pointer crossing highlights, which rendered a card ahead for each, kept
 * the frames that long and its moves waited (145 ms, median of the bench's
 * 2 MB-node loads, against its 100 ms limit). A pointer passing over a name
 * leaves it within this time; one that stays has its card rendered with
 * 200 ms still to go, ample for a render and a frame (e2e hover to card in
 * Chromium: 405, 406, 413 and 447 ms with this, on this machine at load 8-10;
 * 404-406 ms before it, at rest).
 */
export const RENDER_AHEAD_AFTER_MS = 200;

export type OpenHow = { via: 'pointer' | 'keyboard' | 'touch'; x?: number; y?: number };

/**
 * Why a card closed. The reader's own "done" (Escape, the close button,
 * "Not this") gives focus back; the others give it back only if it was in
 * the card (it would otherwise be lost with the card).
 */
export type CloseReason = 'escape' | 'close-button' | 'rejected' | 'pointer-left' | 'tap-outside' | 'focus-left' | 'gone' | 'stopped';

const GIVES_FOCUS_BACK: ReadonlySet<CloseReason> = new Set(['escape', 'close-button', 'rejected']);

/** The layer as the controller drives it (card-layer.tsx; a fake in unit tests). */
export interface CardSurface {
  /** Renders a card that is about to open, still hidden (the hover delay is running). */
  prepare(content: CardContent): void;
  /** Drops what prepare rendered (the pointer moved on); nothing if a card is open. */
  discardPrepared(): void;
  /** Shows `content` (rendered again unless it is what was prepared). */
  show(content: CardContent, anchor: CardAnchor, focus: boolean): void;
  /** Re-renders the open card with new content where it is. */
  update(content: CardContent, focus: boolean): void;
  hide(): void;
  announce(message: string): void;
  contains(node: Node | null): boolean;
  dispose(): void;
}

export interface CardControllerOptions {
  doc: Document;
  /** Makes the layer, the first time a card is shown or something is announced. */
  makeLayer(events: CardLayerEvents): CardSurface;
  /** What the card shows around its view: notes about the entity, the source register, the page's date. */
  content(view: CardView): CardContent;
  /** Marks the open card's words on the page (null: none). */
  highlight(range: Range | null): void;
  /** Stores the reader's "Not this" for a mention (the page then re-annotates itself). */
  reject(mention: PlacedEntity, scope: RejectScope): Promise<void>;
  /** Runs a task when the page is idle (BackstoryPage schedules it once the pass that asked has placed its highlights). */
  whenIdle(task: () => void): void;
  /** The full record an annotation's card shows (its entity or note), or null until it has arrived. */
  recordOf(annotation: PlacedAnnotation): Entity | Note | null;
  /** Asks for that record (and what its card lists with it); true once it is there. */
  loadRecord(annotation: PlacedAnnotation): Promise<boolean>;
}

interface OpenCard {
  annotation: PlacedAnnotation;
  view: CardView;
}

export class CardController {
  private readonly hover: HoverIntent<PlacedAnnotation>;
  private layer: CardSurface | null = null;
  private result: AnnotationResult | null = null;
  private card: OpenCard | null = null;
  /** The card the hover delay will open, rendered ahead (prepare). */
  private prepared: (OpenCard & { content: CardContent }) | null = null;
  private prepareToken: object | null = null;
  /** A card waiting for its record (openWhenLoaded); a newer open or a close cancels it. */
  private loading: object | null = null;
  /** Where focus was when a card was opened by keyboard: it goes back there on close. */
  private focusBefore: HTMLElement | null = null;
  /** The keyboard's position in the page's annotations (-1: before the first). */
  private cursor = -1;
  private readonly revealCursor = new Map<string, number>();
  private lastPoint: { x: number; y: number } | undefined;
  private announcedFor = '';
  /** Card announcements made so far: a page-ready message waiting for idle time must not follow one. */
  private cardsAnnounced = 0;

  constructor(private readonly options: CardControllerOptions) {
    this.hover = new HoverIntent<PlacedAnnotation>({
      open: (annotation) => this.open(annotation, { via: 'pointer', ...this.lastPoint }),
      close: () => this.close('pointer-left'),
      prepare: (annotation) => this.prepare(annotation),
      unprepare: () => this.unprepare(),
    });
  }

  /** True for Backstory's own nodes (the layer's host and everything in it). */
  contains(node: Node | null): boolean {
    return this.layer?.contains(node) ?? false;
  }

  /**
   * New annotations for the page (`pageId` names the page for the one
   * page-ready announcement). An open card stays open on its annotation if
   * the new pass placed it again, and closes if not.
   */
  annotated(result: AnnotationResult, pageId: string): void {
    this.result = result;
    this.revealCursor.clear();
    this.cursor = -1;
    this.hover.reset();
    const open = this.card;
    const same = open && this.placedAgain(open.annotation);
    if (open && same?.range) {
      const view = open.view.kind === 'entity' && same.kind === 'entity' ? this.entityView(same, open.view.entity) : open.view;
      this.card = { annotation: same, view };
      this.surface().show(this.options.content(view), { range: same.range }, false);
      this.options.highlight(same.range);
      this.track(same, true);
    } else {
      this.close('gone');
    }
    this.announceReadyWhenIdle(result, pageId);
  }

  /** Backstory is off on this page: close the card, remove the layer, forget the annotations. */
  clear(): void {
    this.close('stopped');
    this.hover.reset();
    this.result = null;
    this.cursor = -1;
    this.layer?.dispose();
    this.layer = null;
  }

  /** The pointer rests on `target` (or on no annotation), at `point`. */
  pointerOver(target: PlacedAnnotation | null, point?: { x: number; y: number }, since?: number): void {
    if (point) this.lastPoint = point;
    this.hover.pointerOver(target, since);
  }

  /** A tap (touch or pen): on an annotation opens its card, elsewhere closes the open one. */
  tap(target: PlacedAnnotation | null, point: { x: number; y: number }): void {
    this.lastPoint = point;
    if (target) this.open(target, { via: 'touch', ...point });
    else this.close('tap-outside');
  }

  /** Alt+Shift+→ / ←: opens the next / previous annotation's card; false when the page has none. */
  step(direction: 'next' | 'previous'): boolean {
    const list = this.result?.ordered ?? [];
    if (list.length === 0) return false;
    // Before the first move the cursor is nowhere: next is the first annotation, previous the last.
    const from = this.cursor < 0 && direction === 'previous' ? list.length : this.cursor;
    this.cursor = direction === 'next' ? (from + 1) % list.length : (from - 1 + list.length) % list.length;
    this.open(list[this.cursor], { via: 'keyboard' });
    return true;
  }

  /** From the popup: opens the first (then next) place of an entity or note, as the keyboard would. */
  reveal(target: RevealTarget): boolean {
    const matches = this.result?.ordered.filter((a) => a.kind === target.kind && a.id === target.id) ?? [];
    if (matches.length === 0) return false;
    const key = `${target.kind}:${target.id}`;
    const next = ((this.revealCursor.get(key) ?? -1) + 1) % matches.length;
    this.revealCursor.set(key, next);
    this.open(matches[next], { via: 'keyboard' });
    return true;
  }

  open(annotation: PlacedAnnotation, how: OpenHow): void {
    const range = annotation.range;
    if (!range) return;
    const prepared = this.prepared?.annotation === annotation ? this.prepared : null;
    this.prepared = null;
    const view = prepared?.view ?? this.viewOf(annotation);
    if (!view) {
      this.openWhenLoaded(annotation, how);
      return;
    }
    this.loading = null;
    const content = prepared?.content ?? this.options.content(view);
    const layer = this.surface();
    const keyboard = how.via === 'keyboard';
    if (keyboard) {
      // Moving from card to card keeps the place the reader started from.
      const active = this.options.doc.activeElement as HTMLElement | null;
      if (!layer.contains(active)) this.focusBefore = active;
      this.scrollIntoView(range);
    }
    this.card = { annotation, view };
    this.options.highlight(range);
    layer.show(content, { range, x: how.x, y: how.y }, keyboard);
    this.track(annotation, keyboard);
    const [title, kind] = view.kind === 'entity' ? [view.entity.name, t(`type_${view.entity.type}`)] : [view.note.title, t('noteLabel')];
    this.cardsAnnounced++;
    layer.announce(t('announceCard', [title, kind]));
  }

  /**
   * Renders the card the hover delay will open once the pointer has rested
   * on its annotation for RENDER_AHEAD_AFTER_MS, so the card shows as soon
   * as the delay ends.
   */
  private prepare(annotation: PlacedAnnotation): void {
    const token = (this.prepareToken = {});
    const render = () => {
      const view = this.viewOf(annotation);
      if (token !== this.prepareToken || this.card || !annotation.range || !view) return;
      const content = this.options.content(view);
      this.prepared = { annotation, view, content };
      this.surface().prepare(content);
    };
    // The card's record is asked for now, while the delay runs (the first
    // time for this entity or note): a message, no change to the page.
    const loading = this.options.recordOf(annotation) ? null : this.options.loadRecord(annotation);
    setTimeout(() => {
      if (token !== this.prepareToken) return;
      if (loading) void loading.then((ok) => ok && render());
      else render();
    }, RENDER_AHEAD_AFTER_MS);
  }

  private unprepare(): void {
    this.prepareToken = null;
    if (!this.prepared) return;
    this.prepared = null;
    if (!this.card) this.layer?.discardPrepared();
  }

  /** The card's record has not arrived: ask for it, and open the card then unless the reader has moved on. */
  private openWhenLoaded(annotation: PlacedAnnotation, how: OpenHow): void {
    const token = (this.loading = {});
    void this.options.loadRecord(annotation).then((ok) => {
      if (ok && this.loading === token && this.result?.ordered.includes(annotation)) this.open(annotation, how);
    });
  }

  /** The card's view of an annotation, or null until its record has arrived. */
  private viewOf(annotation: PlacedAnnotation): CardView | null {
    const record = this.options.recordOf(annotation);
    if (!record) return null;
    return annotation.kind === 'entity' ? this.entityView(annotation, record as Entity) : { kind: 'note', note: record as Note };
  }

  /** The one way a card closes. */
  close(reason: CloseReason): void {
    this.loading = null;
    const card = this.card;
    if (!card) return;
    this.card = null;
    // Hover intent closed it itself when the pointer left; every other way, it must forget the card.
    if (reason !== 'pointer-left') this.hover.dismissed();
    this.options.highlight(null);
    const layer = this.layer;
    const hadFocus = !!layer?.contains(this.options.doc.activeElement);
    layer?.hide();
    const previous = this.focusBefore;
    this.focusBefore = null;
    if ((hadFocus || GIVES_FOCUS_BACK.has(reason)) && previous?.isConnected && previous !== this.options.doc.body) {
      previous.focus({ preventScroll: true });
    }
  }

  /** The layer's events: the card's buttons and the pointer crossing its edge. */
  private readonly events: CardLayerEvents = {
    onClose: () => this.close('close-button'),
    onOpenNote: (note) => this.openNote(note),
    onBack: () => this.back(),
    onReject: (scope) => void this.reject(scope),
    onPointer: (inside) => (inside ? this.hover.enterCard() : this.hover.leaveCard()),
  };

  /** The layer, made on first use (and only then: most page loads never show a card). */
  private surface(): CardSurface {
    return (this.layer ??= this.options.makeLayer(this.events));
  }

  /** Keeps hover intent and the keyboard's position on the card just shown. */
  private track(annotation: PlacedAnnotation, moveCursor: boolean): void {
    this.hover.adopt(annotation);
    const list = this.result?.ordered;
    if (moveCursor && list && list[this.cursor] !== annotation) this.cursor = list.indexOf(annotation);
  }

  /** An entity card opened from a mention: the words, why they were linked, and how many alike the page has. */
  private entityView(mention: PlacedEntity, entity: Entity): CardView {
    const result = this.result;
    if (!result) return { kind: 'entity', entity };
    const { text } = result.index;
    const words = text.slice(mention.start, mention.end);
    const lower = words.toLowerCase();
    const sameWords = result.mentions.filter((m) => m.entity === mention.entity && text.slice(m.start, m.end).toLowerCase() === lower).length;
    return { kind: 'entity', entity, link: { words, reason: mention.reason, sameWords } };
  }

  /** The same annotation in a new pass: same kind and record, nearest to where it was. */
  private placedAgain(old: PlacedAnnotation): PlacedAnnotation | null {
    let best: PlacedAnnotation | null = null;
    for (const a of this.result?.ordered ?? []) {
      if (a.kind !== old.kind || a.id !== old.id) continue;
      if (!best || Math.abs(a.start - old.start) < Math.abs(best.start - old.start)) best = a;
    }
    return best;
  }

  private openNote(note: Note): void {
    const card = this.card;
    if (!card) return;
    this.setView({ kind: 'note', note, from: card.view.kind === 'entity' ? card.view.entity : undefined });
  }

  private back(): void {
    const card = this.card;
    if (card?.view.kind === 'note' && card.view.from && card.annotation.kind === 'entity') this.setView(this.entityView(card.annotation, card.view.from));
  }

  private setView(view: CardView): void {
    if (!this.card || !this.layer) return;
    this.card.view = view;
    this.layer.update(this.options.content(view), true);
  }

  /** "Not this": closes the card, has the correction stored, then says so. */
  private async reject(scope: RejectScope): Promise<void> {
    const card = this.card;
    if (card?.view.kind !== 'entity' || card.annotation.kind !== 'entity') return;
    this.close('rejected');
    await this.options.reject(card.annotation, scope);
    this.surface().announce(t('announceRejected'));
  }

  private announceReadyWhenIdle(result: AnnotationResult, pageId: string): void {
    if (this.announcedFor === pageId || result.ordered.length === 0) return;
    this.announcedFor = pageId;
    const count = String(result.ordered.length);
    const announcedBefore = this.cardsAnnounced;
    // Not urgent: screen readers hear it once the page is idle, so the layer
    // (and the style recalculation it costs) is not on the annotation path.
    // A card announced meanwhile is what the reader is listening to: this must not replace it.
    this.options.whenIdle(() => {
      if (this.result && !this.card && this.cardsAnnounced === announcedBefore) this.surface().announce(t('announceReady', count));
    });
  }

  private scrollIntoView(range: Range): void {
    const win = this.options.doc.defaultView;
    const rect = range.getBoundingClientRect();
    if (!win || (rect.top >= 0 && rect.bottom <= win.innerHeight)) return;
    const reduced = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: reduced ? 'auto' : 'smooth' });
  }
}
