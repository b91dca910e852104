/**
 * What a page script can try against Backstory's UI, in real Chromium, from
 * the red-team review of 2026-12 (H2, H4, H5d, H5f, H5k, H7): rewrite the
 * card, squat the layer's element name, drive the UI with synthetic events,
 * and misplace or cover the card with its own CSS. Pointer and keys are
 * real input (trusted events); the page's attempts are what a page script
 * can do (untrusted events, its own DOM and CSS).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_DELAY_MS } from '../../lib/content/hover-intent';
import {
  centerOf,
  dispatchKey,
  type Harness,
  layerHost,
  layerRoot,
  openCard,
  pointerMove,
  press,
  rangeOfText,
  sleep,
  startBackstory,
  waitFor,
} from '../support/backstory-harness';

let harness: Harness | null = null;
const cleanups: (() => void)[] = [];
afterEach(() => {
  harness?.page.stop();
  harness = null;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const titleOf = (card: HTMLElement | null) => card?.querySelector('#bs-card-title')?.textContent ?? null;

/** A text field in the article, focused, as a reader typing a comment would have it. */
function focusedField<K extends 'input' | 'textarea' | 'div'>(tag: K, setup?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setup?.(el);
  document.querySelector('article')!.append(el);
  el.focus();
  return el;
}

describe('the card is out of the page’s reach', () => {
  it('lives in a closed shadow root on a plain <div> whose one attribute has a random name', async () => {
    harness = await startBackstory();
    await press('ArrowRight', { altKey: true, shiftKey: true });
    const card = await waitFor(openCard, 2000);
    const host = layerHost()!;
    expect(host.localName).toBe('div');
    // What a page script sees: no shadow root, no children, no text of the card.
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
    expect(host.textContent).toBe('');
    expect(document.documentElement.textContent).not.toContain(card.querySelector('.description')!.textContent);
    // ...and it cannot attach a root of its own to put words there.
    expect(() => host.attachShadow({ mode: 'open' })).toThrow();
    const names = host.getAttributeNames();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^data-[a-z]{10}$/);
    harness.page.stop();
    harness = await startBackstory();
    await press('ArrowRight', { altKey: true, shiftKey: true });
    await waitFor(openCard, 2000);
    expect(layerHost()!.getAttributeNames()[0]).not.toBe(names[0]);
  });

  it('still opens cards when the page has defined backstory-layer first and grabs every element added to <html>', async () => {
    const log: string[] = [];
    customElements.define(
      'backstory-layer',
      class extends HTMLElement {
        constructor() {
          super();
          log.push('page constructor ran');
          this.attachShadow({ mode: 'closed' });
        }
      },
    );
    const grabber = new MutationObserver((records) => {
      for (const node of records.flatMap((r) => Array.from(r.addedNodes))) {
        try {
          (node as Element).attachShadow?.({ mode: 'open' }).append('FORGED by the page');
          log.push('page attached a shadow root');
        } catch {
          log.push('page could not attach');
        }
      }
    });
    grabber.observe(document.documentElement, { childList: true });
    cleanups.push(() => grabber.disconnect());
    harness = await startBackstory();
    const term = rangeOfText('Araghchi is traveling');
    term.setEnd(term.startContainer, term.startOffset + 'Araghchi'.length);
    const { x, y } = centerOf(term);
    await pointerMove(x, y);
    const card = await waitFor(openCard, 2000);
    expect(titleOf(card)).toBe('Abbas Araghchi');
    expect(card.textContent).not.toContain('FORGED');
    await sleep(0);
    expect(log.filter((entry) => entry !== 'page could not attach')).toEqual([]);
  });
});

describe('only the reader’s own input drives the cards', () => {
  it('ignores a synthetic Alt+Shift+→ (focus stays in the field), pointermove, touch tap and Escape', async () => {
    harness = await startBackstory();
    const field = focusedField('input');
    dispatchKey('ArrowRight', { altKey: true, shiftKey: true }, field);
    const term = rangeOfText('Araghchi is traveling');
    term.setEnd(term.startContainer, term.startOffset + 'Araghchi'.length);
    const { x, y } = centerOf(term);
    const target = document.elementFromPoint(x, y)!;
    target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
    for (const type of ['pointerdown', 'pointerup']) {
      target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, pointerType: 'touch' }));
    }
    await sleep(OPEN_DELAY_MS + 300);
    expect(openCard()).toBeNull();
    expect(document.activeElement).toBe(field);
    // A card the reader opened is not closed by the page's Escape.
    await pointerMove(x, y);
    const card = await waitFor(openCard, 2000);
    dispatchKey('Escape', {}, document.body);
    await sleep(50);
    expect(openCard()).toBe(card);
    await press('Escape');
    expect(openCard()).toBeNull();
  });
});

describe('Alt+Shift+arrows stay with text fields (word selection on macOS)', () => {
  const fields: [string, () => HTMLElement][] = [
    ['an input', () => focusedField('input', (el) => (el.value = 'some words to select'))],
    ['a textarea', () => focusedField('textarea', (el) => (el.value = 'some words to select'))],
    ['a contenteditable region', () => focusedField('div', (el) => ((el.contentEditable = 'true'), (el.textContent = 'some words')))],
    [
      'an input inside a page component’s shadow root',
      () => {
        const host = document.createElement('comment-box');
        document.querySelector('article')!.append(host);
        const input = document.createElement('input');
        host.attachShadow({ mode: 'open' }).append(input);
        input.focus();
        return input;
      },
    ],
  ];

  it.each(fields)('in %s: no card opens and focus stays', async (_label, make) => {
    harness = await startBackstory();
    const field = make();
    const active = () => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el;
    };
    expect(active()).toBe(field);
    await press('ArrowRight', { altKey: true, shiftKey: true });
    await sleep(150);
    expect(openCard()).toBeNull();
    expect(active()).toBe(field);
  });

  it('outside a field the shortcut still opens the next card', async () => {
    harness = await startBackstory();
    document.querySelector<HTMLButtonElement>('.article__share')!.focus();
    await press('ArrowRight', { altKey: true, shiftKey: true });
    expect(titleOf(await waitFor(openCard, 2000))).not.toBeNull();
  });
});

describe('the card in the top layer (Popover API)', () => {
  /** Opens Araghchi's card from the popup's reveal and returns the card's and the term's boxes once placed. */
  async function revealAraghchi() {
    expect(harness!.page.reveal({ kind: 'entity', id: 'abbas-araghchi' })).toBe(true);
    const card = await waitFor(openCard, 2000);
    await sleep(400); // smooth scroll and placement
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const focus = Array.from((CSS.highlights.get('backstory-focus') as Set<AbstractRange>) ?? [])[0] as Range;
    return { card, box: card.getBoundingClientRect(), term: focus.getClientRects()[0] };
  }

  function expectNextToTerm({ box, term }: { box: DOMRect; term: DOMRect }) {
    const where = `card ${JSON.stringify(box)} term ${JSON.stringify(term)}`;
    expect(box.left, where).toBeGreaterThanOrEqual(0);
    expect(box.top, where).toBeGreaterThanOrEqual(0);
    expect(box.right, where).toBeLessThanOrEqual(innerWidth);
    expect(box.bottom, where).toBeLessThanOrEqual(innerHeight);
    const gap = box.top >= term.bottom ? box.top - term.bottom : term.top - box.bottom;
    expect(gap, where).toBeGreaterThanOrEqual(0);
    expect(gap, where).toBeLessThanOrEqual(16);
    // Overlapping the term horizontally (or shifted inside the viewport by at most the card's width).
    expect(box.left, where).toBeLessThanOrEqual(term.right);
    expect(box.width, where).toBeLessThanOrEqual(400);
  }

  function styleRoot(css: string) {
    const previous = document.documentElement.getAttribute('style');
    document.documentElement.setAttribute('style', css);
    cleanups.push(() => (previous === null ? document.documentElement.removeAttribute('style') : document.documentElement.setAttribute('style', previous)));
  }

  it('is next to its term when the page puts transform: translateZ(0) on <html>', async () => {
    styleRoot('transform: translateZ(0)');
    harness = await startBackstory();
    const placed = await revealAraghchi();
    expect(placed.card.parentElement!.matches(':popover-open')).toBe(true);
    expectNextToTerm(placed);
  });

  it('is next to its term, at the reader’s size, when the page sets zoom: 1.5 on <html>', async () => {
    styleRoot('zoom: 1.5');
    harness = await startBackstory();
    const placed = await revealAraghchi();
    expectNextToTerm(placed);
    expect(Math.round(placed.box.width)).toBeLessThanOrEqual(380);
  });

  it('stays on top of an overlay the page adds after it, at the highest z-index', async () => {
    harness = await startBackstory();
    const { box } = await revealAraghchi();
    const overlay = document.createElement('div');
    overlay.setAttribute('style', 'position:fixed;inset:0;z-index:2147483647;background:rgb(0 0 0 / .5)');
    document.documentElement.append(overlay);
    cleanups.push(() => overlay.remove());
    await new Promise((r) => requestAnimationFrame(r));
    // The page sees its hit at the card as Backstory's host; inside, it is the card.
    const x = box.left + box.width / 2;
    const y = box.top + Math.min(box.height / 2, 40);
    expect(document.elementFromPoint(x, y)).toBe(layerHost());
    expect(openCard()!.contains(layerRoot()!.elementFromPoint(x, y))).toBe(true);
  });
});

describe('what the page can read of the reader’s settings in CSS.highlights', () => {
  it('the registered names are the same whatever the style, mention mode and entity types', async () => {
    harness = await startBackstory();
    const names = () => Array.from(CSS.highlights.keys()).sort();
    const first = names();
    expect(first).toEqual(['backstory-entity', 'backstory-focus', 'backstory-note']);
    for (const patch of [{ highlightStyle: 'background' as const }, { mentionMode: 'first' as const }, { entityTypes: ['person' as const] }]) {
      await harness.setSettings(patch);
      expect(names(), JSON.stringify(patch)).toEqual(first);
    }
  });
});
