/**
 * The card controller's paths, with a fake layer: what opens, what closes
 * (once), where focus goes, and what screen readers hear, in what order.
 * The real layer, real input and real focus are covered in tests/browser/.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardView } from '../../components/card/AnnotationCard';
import type { Entity, Note } from '../../lib/shared/annotations/types';
import type { AnnotationResult, PlacedAnnotation, PlacedEntity, PlacedNote } from '../../lib/content/annotate-page';
import { CardController, type CardSurface, RENDER_AHEAD_AFTER_MS } from '../../lib/content/card-controller';
import type { CardAnchor, CardContent, CardLayerEvents } from '../../lib/content/card-layer';
import { CLOSE_GRACE_MS, OPEN_DELAY_MS } from '../../lib/content/hover-intent';
import type { TextIndex } from '../../lib/content/text-index';
import type { LinkReason } from '../../lib/shared/mentions/resolve-mentions';
import { annotationSet } from '../support/bundled-data';

const entity = (id: string): Entity => annotationSet.entities.find((e) => e.id === id)!;
const note = (id: string): Note => annotationSet.notes.find((n) => n.id === id)!;
const araghchi = entity('abbas-araghchi');
const wangYi = entity('wang-yi');
const talks = note('april-2025-talks');

const titleOf = (view: CardView) => (view.kind === 'entity' ? view.entity.name : `note: ${view.note.title}`);

/** The layer as a list of what it was told, with a focusable card inside a host on the page. */
class FakeLayer implements CardSurface {
  readonly host = document.createElement('div');
  readonly card = Object.assign(document.createElement('div'), { tabIndex: -1 });
  readonly calls: string[] = [];
  readonly announced: string[] = [];
  content: CardContent | null = null;
  anchor: CardAnchor | null = null;
  /** Every render of a card, ahead (prepare) or at show. */
  readonly rendered: string[] = [];
  private prepared: CardContent | null = null;

  constructor(readonly events: CardLayerEvents) {
    this.host.append(this.card);
    document.documentElement.append(this.host);
  }

  prepare(content: CardContent): void {
    this.rendered.push(`ahead ${titleOf(content.view)}`);
    this.prepared = content;
  }

  discardPrepared(): void {
    if (!this.prepared) return;
    this.rendered.push('discarded');
    this.prepared = null;
  }

  show(content: CardContent, anchor: CardAnchor, focus: boolean): void {
    if (content !== this.prepared) this.rendered.push(titleOf(content.view));
    this.prepared = null;
    this.calls.push(`show ${titleOf(content.view)}${focus ? ' +focus' : ''}`);
    this.content = content;
    this.anchor = anchor;
    if (focus) this.card.focus();
  }

  update(content: CardContent, focus: boolean): void {
    this.calls.push(`update ${titleOf(content.view)}${focus ? ' +focus' : ''}`);
    this.content = content;
    if (focus) this.card.focus();
  }

  hide(): void {
    this.calls.push('hide');
    this.content = null;
  }

  announce(message: string): void {
    this.announced.push(message);
  }

  contains(node: Node | null): boolean {
    return node !== null && this.host.contains(node);
  }

  dispose(): void {
    this.calls.push('dispose');
    this.host.remove();
  }
}

const TEXT = 'Abbas Araghchi met Wang Yi in Beijing. Araghchi said the talks in Muscat went well.';
const NAME: LinkReason = { kind: 'name' };

/** The page's text in one paragraph, and annotations over it as an annotation pass would place them. */
function makePage() {
  const p = document.createElement('p');
  p.textContent = TEXT;
  document.body.append(p);
  const node = p.firstChild as Text;
  const rangeOf = (start: number, end: number) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range;
  };
  const mention = (e: Entity, words: string, nth: number, reason: LinkReason): PlacedEntity => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = TEXT.indexOf(words, start + 1);
    const end = start + words.length;
    return { kind: 'entity', id: e.id, entity: e, reason, start, end, range: rangeOf(start, end) };
  };
  const passage = (n: Note, words: string): PlacedNote => {
    const start = TEXT.indexOf(words);
    const ref = { id: n.id, title: n.title, period: n.period, singleSource: !!n.singleSource, entities: n.entities };
    return { kind: 'note', id: n.id, note: ref, start, end: start + words.length, range: rangeOf(start, start + words.length) };
  };
  return { mention, passage };
}

function resultOf(...annotations: PlacedAnnotation[]): AnnotationResult {
  const ordered = [...annotations].sort((a, b) => a.start - b.start);
  const mentions = ordered.filter((a): a is PlacedEntity => a.kind === 'entity');
  const notes = ordered.filter((a): a is PlacedNote => a.kind === 'note');
  return {
    page: {} as AnnotationResult['page'],
    index: { text: TEXT } as TextIndex,
    refs: { entities: [], notes: [] },
    mentions,
    mentionCounts: new Map(),
    notes,
    orphans: [],
    ordered,
  };
}

describe('the card controller', () => {
  let layer: FakeLayer | null;
  let idle: (() => void)[];
  let highlighted: (Range | null)[];
  let reject: ReturnType<typeof vi.fn<(mention: PlacedEntity, scope: string) => Promise<void>>>;
  let cards: CardController;
  let button: HTMLButtonElement;
  /** Ids whose records are on the page (all of them, unless a test says otherwise). */
  let arrived: Set<string>;
  /** Ids the controller asked records for, and the background's answer to each. */
  let asked: string[];
  let answer: Promise<boolean>;
  const page = () => makePage();
  let full: PlacedEntity;
  let wang: PlacedEntity;
  let surname: PlacedEntity;
  let passage: PlacedNote;
  let result: AnnotationResult;

  const shownLayer = (): FakeLayer => {
    expect(layer).not.toBeNull();
    return layer!;
  };

  beforeEach(() => {
    arrived = new Set([araghchi.id, wangYi.id, talks.id]);
    asked = [];
    answer = Promise.resolve(true);
    layer = null;
    idle = [];
    highlighted = [];
    reject = vi.fn(async () => {});
    cards = new CardController({
      doc: document,
      makeLayer: (events) => (layer = new FakeLayer(events)),
      content: (view) => ({ view, relatedNotes: [], sources: () => undefined }),
      highlight: (range) => highlighted.push(range),
      reject,
      whenIdle: (task) => idle.push(task),
      // Records "arrive" when loadRecord resolves; `arrived` lists the ids here so far.
      recordOf: (a) => (arrived.has(a.id) ? (a.kind === 'entity' ? entity(a.id) : note(a.id)) : null),
      loadRecord: (a) => {
        asked.push(a.id);
        return answer.then((ok) => (ok && arrived.add(a.id), ok));
      },
    });
    const { mention, passage: notePassage } = page();
    full = mention(araghchi, 'Abbas Araghchi', 0, NAME);
    wang = mention(wangYi, 'Wang Yi', 0, NAME);
    surname = mention(araghchi, 'Araghchi', 1, { kind: 'refers-back', direction: 'above' });
    passage = notePassage(talks, 'the talks in Muscat went well');
    result = resultOf(full, wang, surname, passage);
    button = document.createElement('button');
    button.textContent = 'Share';
    document.body.append(button);
  });

  afterEach(() => {
    vi.useRealTimers();
    cards.clear();
  });

  /** Opens the first annotation's card as Alt+Shift+→ does, from the focused share button. */
  const openByKeyboard = () => {
    button.focus();
    expect(cards.step('next')).toBe(true);
    return shownLayer();
  };

  describe('opens', () => {
    it('on a resting pointer after the hover delay, without moving focus, with the words, why and how many alike', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      button.focus();
      cards.pointerOver(surname, { x: 10, y: 20 });
      vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
      expect(layer?.calls ?? []).toEqual([]);
      vi.advanceTimersByTime(1);
      const shown = shownLayer();
      expect(shown.calls).toEqual(['show Abbas Araghchi']);
      expect(shown.content!.view).toEqual({
        kind: 'entity',
        entity: araghchi,
        link: { words: 'Araghchi', reason: { kind: 'refers-back', direction: 'above' }, sameWords: 1 },
      });
      expect(shown.anchor).toMatchObject({ range: surname.range, x: 10, y: 20 });
      expect(highlighted).toEqual([surname.range]);
      expect(document.activeElement).toBe(button);
      expect(shown.announced).toEqual(['Abbas Araghchi, Person. Press Escape to close, Alt+Shift+Right arrow for the next annotation.']);
    });

    it('renders the first card while the hover delay runs, so the delay’s end only shows it', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      cards.pointerOver(surname, { x: 10, y: 20 });
      vi.advanceTimersByTime(RENDER_AHEAD_AFTER_MS - 1);
      expect(layer).toBeNull();
      vi.advanceTimersByTime(1);
      // Rendered ahead, still closed: nothing is shown or announced yet.
      expect(shownLayer().rendered).toEqual(['ahead Abbas Araghchi']);
      expect(shownLayer().calls).toEqual([]);
      expect(shownLayer().announced).toEqual([]);
      vi.advanceTimersByTime(OPEN_DELAY_MS - RENDER_AHEAD_AFTER_MS);
      expect(shownLayer().calls).toEqual(['show Abbas Araghchi']);
      expect(shownLayer().rendered).toEqual(['ahead Abbas Araghchi']);
    });

    it('asks for a card’s record the first time it opens, and opens it when the record arrives', async () => {
      arrived.clear();
      let arrive!: (ok: boolean) => void;
      answer = new Promise((resolve) => (arrive = resolve));
      cards.annotated(result, '/en/1');
      button.focus();
      expect(cards.step('next')).toBe(true);
      // Nothing shown before the record is on the page: no empty or half card.
      expect(layer?.calls ?? []).toEqual([]);
      expect(asked).toEqual([araghchi.id]);
      arrive(true);
      await answer;
      await Promise.resolve();
      expect(shownLayer().calls).toEqual(['show Abbas Araghchi +focus']);
      expect(shownLayer().content!.view).toMatchObject({ kind: 'entity', entity: araghchi });
    });

    it('opens nothing when the record cannot be had, or when the reader moved on before it came', async () => {
      arrived.clear();
      answer = Promise.resolve(false);
      cards.annotated(result, '/en/1');
      button.focus();
      cards.step('next');
      await answer;
      await Promise.resolve();
      expect(layer?.calls ?? []).toEqual([]);

      let arrive!: (ok: boolean) => void;
      answer = new Promise((resolve) => (arrive = resolve));
      cards.step('next');
      cards.close('escape');
      arrive(true);
      await answer;
      await Promise.resolve();
      expect(layer?.calls ?? []).toEqual([]);
    });

    it('asks for the record of the card the pointer rests on while the hover delay runs', async () => {
      vi.useFakeTimers();
      arrived.clear();
      cards.annotated(result, '/en/1');
      cards.pointerOver(wang, { x: 1, y: 1 });
      expect(asked).toEqual([wangYi.id]);
      await vi.advanceTimersByTimeAsync(RENDER_AHEAD_AFTER_MS);
      expect(shownLayer().rendered).toEqual(['ahead Wang Yi']);
      await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
      expect(shownLayer().calls).toEqual(['show Wang Yi']);
      expect(shownLayer().rendered).toEqual(['ahead Wang Yi']);
    });

    it('renders again what the pointer reached after leaving the card it had rendered ahead', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      cards.pointerOver(surname);
      vi.advanceTimersByTime(RENDER_AHEAD_AFTER_MS + 50);
      cards.pointerOver(wang);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      expect(shownLayer().calls).toEqual(['show Wang Yi']);
      expect(shownLayer().rendered).toEqual(['ahead Abbas Araghchi', 'discarded', 'ahead Wang Yi']);
      expect(shownLayer().content!.view).toMatchObject({ entity: wangYi });
    });

    it('renders nothing ahead for a pointer passing over highlights, and still opens the one it rests on in time', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      cards.pointerOver(surname);
      vi.advanceTimersByTime(RENDER_AHEAD_AFTER_MS - 50);
      cards.pointerOver(null);
      vi.advanceTimersByTime(30);
      cards.pointerOver(wang);
      vi.advanceTimersByTime(RENDER_AHEAD_AFTER_MS - 50);
      cards.pointerOver(null);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      // The page's DOM was never touched: no layer, no card rendered and dropped.
      expect(layer).toBeNull();
      cards.pointerOver(surname);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      expect(shownLayer().rendered).toEqual(['ahead Abbas Araghchi']);
      expect(shownLayer().calls).toEqual(['show Abbas Araghchi']);
    });

    it('by keyboard: in text order, focus into the card, and back with Alt+Shift+←', () => {
      cards.annotated(result, '/en/1');
      const shown = openByKeyboard();
      expect(document.activeElement).toBe(shown.card);
      expect(cards.step('next')).toBe(true);
      expect(cards.step('next')).toBe(true);
      expect(cards.step('next')).toBe(true);
      expect(cards.step('previous')).toBe(true);
      expect(shown.calls).toEqual([
        'show Abbas Araghchi +focus',
        'show Wang Yi +focus',
        'show Abbas Araghchi +focus',
        `show note: ${talks.title}`.concat(' +focus'),
        'show Abbas Araghchi +focus',
      ]);
      expect(shown.content!.view).toMatchObject({ link: { words: 'Araghchi' } });
    });

    it('by keyboard: Alt+Shift+← first goes to the last annotation, and a page without any has nothing to step to', () => {
      cards.annotated(result, '/en/1');
      button.focus();
      cards.step('previous');
      expect(shownLayer().calls).toEqual([`show note: ${talks.title} +focus`]);
      cards.annotated(resultOf(), '/en/1');
      expect(cards.step('next')).toBe(false);
    });

    it('from the popup: the first, then the next place of an entity, and the keyboard goes on from there', () => {
      cards.annotated(result, '/en/1');
      expect(cards.reveal({ kind: 'entity', id: 'abbas-araghchi' })).toBe(true);
      expect(highlighted.at(-1)).toBe(full.range);
      expect(cards.reveal({ kind: 'entity', id: 'abbas-araghchi' })).toBe(true);
      expect(highlighted.at(-1)).toBe(surname.range);
      expect(cards.reveal({ kind: 'entity', id: 'abbas-araghchi' })).toBe(true);
      expect(highlighted.at(-1)).toBe(full.range);
      expect(cards.reveal({ kind: 'entity', id: 'no-such-entity' })).toBe(false);
      cards.step('next');
      expect(highlighted.at(-1)).toBe(wang.range);
      expect(document.activeElement).toBe(shownLayer().card);
    });

    it('with a tap, without moving focus; a tap elsewhere closes it', () => {
      cards.annotated(result, '/en/1');
      button.focus();
      cards.tap(wang, { x: 5, y: 5 });
      const shown = shownLayer();
      expect(shown.calls).toEqual(['show Wang Yi']);
      expect(document.activeElement).toBe(button);
      cards.tap(null, { x: 500, y: 500 });
      expect(shown.calls).toEqual(['show Wang Yi', 'hide']);
      expect(highlighted.at(-1)).toBeNull();
    });

    it('not at all for an annotation whose text the page has changed (no Range)', () => {
      cards.annotated(result, '/en/1');
      cards.open({ ...wang, range: null }, { via: 'keyboard' });
      expect(layer).toBeNull();
    });
  });

  describe('closes through one path', () => {
    it('Escape closes once and gives focus back once, to where it was when the card opened by keyboard', () => {
      cards.annotated(result, '/en/1');
      const shown = openByKeyboard();
      cards.step('next');
      const focus = vi.spyOn(button, 'focus');
      cards.close('escape');
      expect(shown.calls.filter((c) => c === 'hide')).toHaveLength(1);
      expect(focus).toHaveBeenCalledTimes(1);
      expect(document.activeElement).toBe(button);
      expect(highlighted.at(-1)).toBeNull();
      // What follows from giving focus back (focusin on the page), and a second Escape, change nothing.
      cards.close('focus-left');
      cards.close('escape');
      expect(shown.calls.filter((c) => c === 'hide')).toHaveLength(1);
      expect(focus).toHaveBeenCalledTimes(1);
    });

    it('Escape gives focus back even after the reader clicked out of the card onto plain text (focus on the body)', () => {
      cards.annotated(result, '/en/1');
      const shown = openByKeyboard();
      shown.card.blur();
      expect(document.activeElement).toBe(document.body);
      cards.close('escape');
      expect(document.activeElement).toBe(button);
    });

    it('Escape on a card opened by pointer leaves focus where it is', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      const field = document.body.appendChild(document.createElement('input'));
      field.focus();
      cards.pointerOver(wang);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      cards.close('escape');
      expect(shownLayer().calls).toEqual(['show Wang Yi', 'hide']);
      expect(document.activeElement).toBe(field);
    });

    it('after Escape, the highlight under the pointer stays closed until the pointer leaves it', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      cards.pointerOver(wang);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      cards.close('escape');
      cards.pointerOver(wang);
      vi.advanceTimersByTime(5000);
      expect(shownLayer().calls).toEqual(['show Wang Yi', 'hide']);
      cards.pointerOver(null);
      cards.pointerOver(wang);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      expect(shownLayer().calls).toEqual(['show Wang Yi', 'hide', 'show Wang Yi']);
    });

    it('when the pointer has left the highlight and the card, once, and the next highlight still opens', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      cards.pointerOver(full);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      cards.pointerOver(wang);
      vi.advanceTimersByTime(CLOSE_GRACE_MS);
      expect(shownLayer().calls).toEqual(['show Abbas Araghchi', 'hide']);
      vi.advanceTimersByTime(OPEN_DELAY_MS - CLOSE_GRACE_MS);
      expect(shownLayer().calls).toEqual(['show Abbas Araghchi', 'hide', 'show Wang Yi']);
    });

    it('stays open while the pointer is in the card, and closes when it leaves', () => {
      vi.useFakeTimers();
      cards.annotated(result, '/en/1');
      cards.pointerOver(wang);
      vi.advanceTimersByTime(OPEN_DELAY_MS);
      const shown = shownLayer();
      cards.pointerOver(null);
      shown.events.onPointer(true);
      vi.advanceTimersByTime(10_000);
      expect(shown.calls).toEqual(['show Wang Yi']);
      shown.events.onPointer(false);
      vi.advanceTimersByTime(CLOSE_GRACE_MS);
      expect(shown.calls).toEqual(['show Wang Yi', 'hide']);
    });

    it('from the close button, giving focus back to where the keyboard reader was', () => {
      cards.annotated(result, '/en/1');
      const shown = openByKeyboard();
      shown.events.onClose();
      expect(shown.calls).toEqual(['show Abbas Araghchi +focus', 'hide']);
      expect(document.activeElement).toBe(button);
    });

    it('when focus moves elsewhere on the page, leaving it there', () => {
      cards.annotated(result, '/en/1');
      const shown = openByKeyboard();
      const field = document.body.appendChild(document.createElement('input'));
      field.focus();
      cards.close('focus-left');
      expect(shown.calls).toEqual(['show Abbas Araghchi +focus', 'hide']);
      expect(document.activeElement).toBe(field);
    });

    it('when Backstory is turned off on the page: the layer goes, and focus in the card goes back', () => {
      cards.annotated(result, '/en/1');
      const shown = openByKeyboard();
      cards.clear();
      expect(shown.calls).toEqual(['show Abbas Araghchi +focus', 'hide', 'dispose']);
      expect(shown.host.isConnected).toBe(false);
      expect(document.activeElement).toBe(button);
      expect(cards.step('next')).toBe(false);
    });
  });

  describe('views', () => {
    it('opens a note from an entity card and goes back to the entity, with its link', () => {
      cards.annotated(result, '/en/1');
      button.focus();
      cards.reveal({ kind: 'entity', id: 'abbas-araghchi' });
      cards.reveal({ kind: 'entity', id: 'abbas-araghchi' });
      const shown = shownLayer();
      shown.events.onOpenNote(talks);
      expect(shown.content!.view).toEqual({ kind: 'note', note: talks, from: araghchi });
      shown.events.onBack();
      expect(shown.content!.view).toMatchObject({ kind: 'entity', entity: araghchi, link: { words: 'Araghchi' } });
      expect(shown.calls).toEqual([
        'show Abbas Araghchi +focus',
        'show Abbas Araghchi +focus',
        `update note: ${talks.title} +focus`,
        'update Abbas Araghchi +focus',
      ]);
      cards.close('escape');
      expect(document.activeElement).toBe(button);
    });

    it('has no way back from a note opened from its own passage', () => {
      cards.annotated(result, '/en/1');
      cards.tap(passage, { x: 1, y: 1 });
      const shown = shownLayer();
      expect(shown.content!.view).toEqual({ kind: 'note', note: talks });
      shown.events.onBack();
      expect(shown.calls).toEqual([`show note: ${talks.title}`]);
    });
  });

  describe('"Not this"', () => {
    it('closes the card, gives focus back, has the correction stored for that mention, then says so', async () => {
      cards.annotated(result, '/en/1');
      button.focus();
      cards.reveal({ kind: 'entity', id: 'abbas-araghchi' });
      cards.reveal({ kind: 'entity', id: 'abbas-araghchi' });
      const shown = shownLayer();
      let release!: () => void;
      reject.mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));
      shown.events.onReject('words');
      expect(shown.calls.at(-1)).toBe('hide');
      expect(document.activeElement).toBe(button);
      expect(reject).toHaveBeenCalledExactlyOnceWith(surname, 'words');
      expect(shown.announced.at(-1)).not.toBe('Link removed. Undo it from the Backstory popup.');
      release();
      await vi.waitFor(() => expect(shown.announced.at(-1)).toBe('Link removed. Undo it from the Backstory popup.'));
    });

    it('does nothing on a note card', () => {
      cards.annotated(result, '/en/1');
      cards.tap(passage, { x: 1, y: 1 });
      shownLayer().events.onReject('mention');
      expect(reject).not.toHaveBeenCalled();
      expect(shownLayer().calls).toEqual([`show note: ${talks.title}`]);
    });
  });

  describe('a new annotation pass', () => {
    it('keeps the card open on its annotation, where it is now, without taking focus again', () => {
      cards.annotated(result, '/en/1');
      button.focus();
      cards.reveal({ kind: 'entity', id: 'abbas-araghchi' });
      cards.reveal({ kind: 'entity', id: 'abbas-araghchi' });
      const shown = shownLayer();
      shown.events.onOpenNote(talks);
      const { mention, passage: notePassage } = page();
      const again = mention(araghchi, 'Araghchi', 1, { kind: 'refers-back', direction: 'above' });
      cards.annotated(resultOf(mention(araghchi, 'Abbas Araghchi', 0, NAME), again, notePassage(talks, 'the talks')), '/en/1');
      expect(shown.calls.slice(-1)).toEqual([`show note: ${talks.title}`]);
      expect(shown.anchor!.range).toBe(again.range);
      expect(highlighted.at(-1)).toBe(again.range);
      shown.events.onBack();
      expect(shown.content!.view).toMatchObject({ kind: 'entity', link: { words: 'Araghchi', sameWords: 1 } });
      // The keyboard goes on from the card that stayed open.
      cards.step('next');
      expect(shown.calls.at(-1)).toBe(`show note: ${talks.title} +focus`);
      cards.close('escape');
      expect(document.activeElement).toBe(button);
    });

    it('closes the card when its annotation is gone, giving back focus that was in it', () => {
      cards.annotated(result, '/en/1');
      const shown = openByKeyboard();
      const { mention } = page();
      cards.annotated(resultOf(mention(wangYi, 'Wang Yi', 0, NAME)), '/en/1');
      expect(shown.calls).toEqual(['show Abbas Araghchi +focus', 'hide']);
      expect(document.activeElement).toBe(button);
      expect(highlighted.at(-1)).toBeNull();
    });
  });

  describe('announcements', () => {
    const ready = (count: number) => `Backstory: ${count} annotations on this article. Press Alt+Shift+Right arrow to go to the next one.`;

    it('says the page is ready once per page, when the page is idle', () => {
      cards.annotated(result, '/en/1');
      expect(layer).toBeNull();
      expect(idle).toHaveLength(1);
      idle[0]();
      expect(shownLayer().announced).toEqual([ready(4)]);
      cards.annotated(result, '/en/1');
      expect(idle).toHaveLength(1);
      cards.annotated(resultOf(wang), '/en/2');
      idle[1]();
      expect(shownLayer().announced).toEqual([ready(4), ready(1)]);
    });

    it('never replaces the announcement of a card the reader opened first, even once it has closed', () => {
      cards.annotated(result, '/en/1');
      openByKeyboard();
      idle[0]();
      expect(shownLayer().announced).toEqual(['Abbas Araghchi, Person. Press Escape to close, Alt+Shift+Right arrow for the next annotation.']);
      cards.annotated(resultOf(wang), '/en/2');
      cards.step('next');
      cards.close('escape');
      idle[1]();
      expect(shownLayer().announced).toHaveLength(2);
      expect(shownLayer().announced[1]).toContain('Wang Yi');
    });

    it('says nothing about a page Backstory has been turned off on meanwhile', () => {
      cards.annotated(result, '/en/1');
      cards.clear();
      idle[0]();
      expect(layer).toBeNull();
    });
  });
});
