import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { START_WAIT_MS } from '../../lib/content/backstory-page';
import { OPEN_DELAY_MS } from '../../lib/content/hover-intent';
import { normalizeText } from '../../lib/shared/text/normalize';
import { annotationSet, article, loadArticlePage as loadArticlePageOnly } from '../support/bundled-data';
import {
  centerOf,
  highlightCount,
  type Harness,
  layerHost,
  layerRoot,
  openCard,
  pointerMove,
  press,
  rangeOfText,
  registered,
  sleep,
  startBackstory,
  waitFor,
} from '../support/backstory-harness';

let harness: Harness | null = null;
afterEach(() => {
  harness?.page.stop();
  harness = null;
});

const articleRoot = () => document.querySelector('article.article:not(.article--next)')!;

/** Every text node of the body, in order: the page's own DOM, by identity. */
const textNodes = () => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  return nodes;
};

describe('Backstory on the article page (real Chromium)', () => {
  it('highlights the mentions and places every note, inside the article only', async () => {
    harness = await startBackstory();
    const report = harness.page.report();
    expect(report.status).toBe('article');
    expect(report.notes.filter((n) => n.placed)).toHaveLength(article.notes.length);
    expect(new Set(report.entities.map((e) => e.id))).toEqual(new Set(article.mentions));
    const root = articleRoot();
    for (const range of [...registered('entity'), ...registered('note')]) {
      expect(root.contains(range.commonAncestorContainer)).toBe(true);
    }
    expect(harness.badges.at(-1)).toBe(report.annotationCount);
    // Nothing in the navigation, related links or the next story.
    const outside = ['.site-nav', '.related', '.article--next'].map((s) => document.querySelector(s)!);
    for (const range of registered('entity')) for (const el of outside) expect(el.contains(range.startContainer)).toBe(false);
  });

  it('highlights only text that is a surface form of its entity', async () => {
    harness = await startBackstory();
    const forms = new Set(annotationSet.entities.flatMap((e) => e.surfaceForms.map((f) => normalizeText(f.text).toLowerCase())));
    const ranges = registered('entity');
    expect(ranges.length).toBeGreaterThan(50);
    for (const range of ranges) expect(forms.has(normalizeText(range.toString()).toLowerCase()), range.toString()).toBe(true);
  });

  it('changes no node of the page, and turning it off restores the page exactly', async () => {
    loadArticlePageOnly();
    const before = textNodes();
    const html = document.body.innerHTML;
    const head = document.head.innerHTML;
    harness = await startBackstory({ load: false });
    expect(highlightCount()).toBeGreaterThan(0);
    expect(textNodes()).toEqual(before);
    expect(document.body.innerHTML).toBe(html);
    // With the default style nothing goes into the page's head either (a <style> there restyles the whole page).
    expect(document.head.innerHTML).toBe(head);
    harness.page.stop();
    expect(highlightCount()).toBe(0);
    expect(layerHost()).toBeNull();
    expect(textNodes()).toEqual(before);
    expect(document.body.innerHTML).toBe(html);
  });

  it('lets a script that holds a text node change it afterwards, and re-annotates', async () => {
    loadArticlePageOnly();
    const paragraph = Array.from(articleRoot().querySelectorAll('p')).find((p) => p.textContent!.startsWith('In late March'))!;
    const node = paragraph.firstChild as Text;
    harness = await startBackstory({ load: false });
    node.data = 'In late March, Putin threatened nothing at all.';
    expect(paragraph.textContent).toBe('In late March, Putin threatened nothing at all.');
    await waitFor(() => registered('entity').some((r) => r.toString() === 'Putin' && r.startContainer === node));
    expect(registered('entity').some((r) => r.startContainer === node && r.toString() === 'Trump')).toBe(false);
  });

  it('comes back after the page re-renders the article with new nodes, without an observer loop', async () => {
    harness = await startBackstory();
    const count = registered('entity').length;
    const main = articleRoot().querySelector('main')!;
    const errors: unknown[] = [];
    window.addEventListener('error', (e) => errors.push(e.error));
    const started = performance.now();
    main.replaceChildren(...Array.from(main.childNodes).map((n) => n.cloneNode(true)));
    await waitFor(() => registered('entity').length === count && registered('entity').every((r) => r.startContainer.isConnected));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000);
    const settledAt = harness.badges.length;
    await sleep(300);
    expect(harness.badges.length).toBe(settledAt);
    expect(errors).toEqual([]);
  });

  it('follows client-side navigation to and away from the article', async () => {
    document.body.replaceChildren(Object.assign(document.createElement('main'), { textContent: 'Home page' }));
    harness = await startBackstory({ load: false, url: 'https://www.iranintl.com/en' });
    expect(harness.page.report().status).toBe('no-article');
    harness.setUrl('https://www.iranintl.com/en/202504220389');
    loadArticlePageOnly();
    await waitFor(() => harness!.page.report().status === 'article', 1000);
    expect(registered('entity').length).toBeGreaterThan(0);
    harness.setUrl('https://www.iranintl.com/en');
    document.body.replaceChildren(Object.assign(document.createElement('main'), { textContent: 'Home again' }));
    await waitFor(() => highlightCount() === 0, 1000);
    expect(harness.page.report().status).toBe('no-article');
  });

  it('does nothing on a lookalike host', async () => {
    harness = await startBackstory({ url: 'https://lranintl.com/en/202504220389' });
    expect(highlightCount()).toBe(0);
    expect(layerHost()).toBeNull();
    expect(harness.page.report().status).toBe('no-article');
  });

  it('does nothing on the trailing-dot spelling www.iranintl.com. (as Firefox, which never runs there)', async () => {
    harness = await startBackstory({ url: 'https://www.iranintl.com./en/202504220389' });
    expect(highlightCount()).toBe(0);
    expect(layerHost()).toBeNull();
    expect(harness.page.report()).toMatchObject({ status: 'no-article', entities: [], notes: [], annotationCount: 0 });
    expect(harness.badges.every((count) => count === 0)).toBe(true);
  });

  it('says "loading" until it has read the settings and made its first pass, never "off"; asks about the address meanwhile', async () => {
    loadArticlePageOnly();
    let release!: () => void;
    const settingsRead = new Promise<void>((resolve) => (release = resolve));
    const { BackstoryPage } = await import('../../lib/content/backstory-page');
    const { localData } = await import('../support/local-data');
    const { DEFAULT_SETTINGS } = await import('../../lib/shared/settings');
    const data = localData(annotationSet);
    const asked: string[] = [];
    const page = new BackstoryPage({
      win: window,
      data: { ...data, article: (location) => (asked.push(location.pathname), data.article(location)) },
      loadSettings: async () => (await settingsRead, { ...DEFAULT_SETTINGS, entityTypes: [...DEFAULT_SETTINGS.entityTypes] }),
      loadPagesOff: async () => [],
      sendBadge: () => {},
      url: () => 'https://www.iranintl.com/en/202504220389',
    });
    const started = page.start();
    try {
      expect(page.report().status).toBe('loading');
      await sleep(50);
      expect(page.report().status).toBe('loading');
      // The background's round trip for the article runs while the settings are read, not after them.
      expect(asked).toEqual(['/en/202504220389']);
      release();
      await started;
      expect(page.report().status).toBe('article');
      expect(asked).toHaveLength(1);
    } finally {
      page.stop();
    }
  });

  it('tells the background what its report names once the page is idle, and again only when that changes', async () => {
    harness = await startBackstory();
    const ids = () => {
      const { entities, notes } = harness!.page.report();
      return { entityIds: entities.map((e) => e.id), noteIds: notes.map((n) => n.id) };
    };
    await waitFor(() => harness!.found.length === 1);
    expect(harness.found[0]).toEqual(ids());
    // The same page again (a setting that changes no entity): nothing new to say.
    await harness.setSettings({ highlightStyle: 'background' });
    await sleep(300);
    expect(harness.found).toHaveLength(1);
    // People only: the report names fewer entities, and the background hears it.
    await harness.setSettings({ entityTypes: ['person'] });
    await waitFor(() => harness!.found.length === 2);
    expect(harness.found[1]).toEqual(ids());
    expect(harness.found[1].entityIds.length).toBeLessThan(harness.found[0].entityIds.length);
  });

  it('highlights entities but places no notes on another article of the site', async () => {
    harness = await startBackstory({ url: 'https://www.iranintl.com/en/202505010001' });
    const report = harness.page.report();
    expect(report.status).toBe('other-article');
    expect(registered('entity').length).toBeGreaterThan(0);
    expect(registered('note')).toHaveLength(0);
  });

  it('applies settings live: first mention only, entity types, style, page off', async () => {
    harness = await startBackstory();
    const all = registered('entity').length;
    await harness.setSettings({ mentionMode: 'first' });
    const first = registered('entity').length;
    expect(first).toBeLessThan(all);
    expect(first).toBe(harness.page.report().entities.length);
    await harness.setSettings({ entityTypes: ['person'] });
    const people = new Set(annotationSet.entities.filter((e) => e.type === 'person').map((e) => e.name));
    expect(harness.page.report().entities.every((e) => people.has(e.name))).toBe(true);
    const term = registered('entity')[0];
    const paint = () => getComputedStyle(term.startContainer.parentElement!, '::highlight(backstory-entity)');
    expect(paint().textDecorationLine).toBe('underline');
    await harness.setSettings({ highlightStyle: 'background' });
    expect(paint().backgroundColor).toBe('rgba(250, 204, 21, 0.35)');
    expect(paint().textDecorationLine).toBe('none');
    await harness.setSettings({}, ['/en/202504220389']);
    expect(highlightCount()).toBe(0);
    expect(harness.page.report().status).toBe('page-off');
    expect(harness.badges.at(-1)).toBe(0);
    await harness.setSettings({ siteEnabled: false }, []);
    expect(harness.page.report().status).toBe('site-off');
    await harness.setSettings({ siteEnabled: true });
    expect(highlightCount()).toBeGreaterThan(0);
  });
});

describe('reveal from the popup (real Chromium)', () => {
  it('scrolls to the first, then the next mention of an entity and opens its card', async () => {
    harness = await startBackstory();
    window.scrollTo(0, document.body.scrollHeight);
    expect(harness.page.reveal({ kind: 'entity', id: 'abbas-araghchi' })).toBe(true);
    const first = await waitFor(openCard, 2000);
    expect(first.querySelector('#bs-card-title')!.textContent).toBe('Abbas Araghchi');
    const focus = () => Array.from((CSS.highlights.get('backstory-focus') as Set<AbstractRange> | undefined) ?? [])[0] as Range;
    const firstRange = focus();
    await waitFor(() => {
      const box = firstRange.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, 3000);
    harness.page.reveal({ kind: 'entity', id: 'abbas-araghchi' });
    const second = focus();
    expect(second).not.toBe(firstRange);
    expect(second.compareBoundaryPoints(Range.START_TO_START, firstRange)).toBe(1);
    expect(harness.page.reveal({ kind: 'note', id: 'teapot-refineries' })).toBe(true);
    await waitFor(() => openCard()?.querySelector('.card__kicker')?.textContent === 'Background note');
    expect(harness.page.reveal({ kind: 'entity', id: 'no-such-entity' })).toBe(false);
  });
});

describe('cards (real Chromium)', () => {
  it('open on a resting pointer, stay open in the card, close on Escape', async () => {
    harness = await startBackstory();
    const term = rangeOfText('Araghchi is traveling');
    term.setEnd(term.startContainer, term.startOffset + 'Araghchi'.length);
    const { x, y } = centerOf(term);
    await pointerMove(x, y);
    await sleep(OPEN_DELAY_MS / 2);
    expect(openCard()).toBeNull();
    const card = await waitFor(openCard, 2000);
    expect(card.querySelector('#bs-card-title')!.textContent).toBe('Abbas Araghchi');
    expect(card.querySelector('.description')!.textContent!.length).toBeGreaterThan(20);
    // Down off the term, then into the card (it is below the term).
    const box = card.getBoundingClientRect();
    await pointerMove(box.left + 20, box.top + 20);
    await sleep(800);
    expect(openCard()).not.toBeNull();
    await press('Escape');
    expect(openCard()).toBeNull();
  });

  it('makes no hit test on pointer moves while nothing is placed, and does once something is', async () => {
    // Each hit test lays out and searches the page under the pointer: on the
    // bench's 10 MB page (too long to annotate) two of them per frame of
    // pointer moves made a 57 ms task of Backstory's for nothing.
    const hitTests = countHitTests();
    try {
      harness = await startBackstory({ url: 'https://www.iranintl.com/en/202505010001', settings: { entityTypes: [] } });
      expect(highlightCount()).toBe(0);
      const term = rangeOfText('Araghchi is traveling');
      const { x, y } = centerOf(term);
      for (const dx of [0, 8, 16]) {
        await pointerMove(x + dx, y);
        await sleep(50);
      }
      expect(hitTests.count).toBe(0);
      await harness.setSettings({ entityTypes: ['person'] });
      expect(registered('entity').length).toBeGreaterThan(0);
      await pointerMove(x, y);
      await waitFor(() => hitTests.count > 0, 2000);
    } finally {
      hitTests.restore();
    }
  });

  it('opens a background note from its passage, and the entity card from a mention inside it', async () => {
    harness = await startBackstory();
    const passage = rangeOfText('major deals were struck');
    const p = centerOf(passage);
    await pointerMove(p.x, p.y);
    const card = await waitFor(openCard, 2000);
    expect(card.querySelector('.card__kicker')!.textContent).toBe('Background note');
    await press('Escape');
    const mention = rangeOfText('Belt and Road Initiative');
    const m = centerOf(mention);
    await pointerMove(m.x, m.y);
    const entityCard = await waitFor(() => openCard()?.querySelector('.card__kicker')?.textContent !== 'Background note' && openCard(), 2000);
    expect(entityCard.querySelector('#bs-card-title')!.textContent).toBe('Belt and Road Initiative');
  });

  it('starts its first pass in the page’s first idle period (at the latest after START_WAIT_MS), and not at all if stopped before it', async () => {
    const idle: { callback: IdleRequestCallback; timeout: number | undefined }[] = [];
    const original = window.requestIdleCallback;
    window.requestIdleCallback = (callback: IdleRequestCallback, options?: IdleRequestOptions) => idle.push({ callback, timeout: options?.timeout });
    try {
      harness = await startBackstory({ whenIdle: true });
      await sleep(100);
      // Nothing read, nothing highlighted, and the popup is told it is still loading rather than a guess.
      expect(idle).toHaveLength(1);
      expect(idle[0].timeout).toBe(START_WAIT_MS);
      expect(highlightCount()).toBe(0);
      expect(harness.page.report().status).toBe('loading');
      window.requestIdleCallback = original;
      idle[0].callback({ didTimeout: false, timeRemaining: () => 50 });
      await waitFor(() => highlightCount() > 0, 5000);
      expect(harness.page.report().status).toBe('article');
      harness.page.stop();

      window.requestIdleCallback = (callback: IdleRequestCallback, options?: IdleRequestOptions) => idle.push({ callback, timeout: options?.timeout });
      harness = await startBackstory({ whenIdle: true });
      harness.page.stop();
      window.requestIdleCallback = original;
      idle[1].callback({ didTimeout: true, timeRemaining: () => 0 });
      await sleep(300);
      expect(highlightCount()).toBe(0);
      expect(harness.badges).toEqual([]);
    } finally {
      window.requestIdleCallback = original;
    }
  });

  it('does not let the page-ready announcement replace the announcement of a card opened before it', async () => {
    // Hold the idle callback that announces the page, so the card opens first, as a quick reader's would.
    const idle: IdleRequestCallback[] = [];
    const annotatedMarks = () => performance.getEntriesByName('backstory:annotated').length;
    const marksBefore = annotatedMarks();
    const marksWhenScheduled: number[] = [];
    const original = window.requestIdleCallback;
    window.requestIdleCallback = (callback: IdleRequestCallback) => {
      marksWhenScheduled.push(annotatedMarks());
      return idle.push(callback);
    };
    try {
      harness = await startBackstory();
      // Asked for after the frame that paints the highlights.
      expect(idle).toHaveLength(0);
      await waitFor(() => idle.length > 0, 1000);
    } finally {
      window.requestIdleCallback = original;
    }
    // One idle task (the page-ready announcement, then telling the background
    // what the page found), scheduled once the highlights are placed, not during the pass.
    expect(idle).toHaveLength(1);
    expect(marksWhenScheduled).toEqual([marksBefore + 1]);
    document.querySelector<HTMLButtonElement>('.article__share')!.focus();
    await press('ArrowRight', { altKey: true, shiftKey: true });
    await waitFor(openCard, 1000);
    const status = () => layerRoot()!.querySelector('[role="status"]')!.textContent!;
    await waitFor(() => status().includes('Press Escape'), 1000);
    idle[0]({ didTimeout: false, timeRemaining: () => 50 });
    await sleep(150);
    expect(status()).toContain('Press Escape');
  });

  it('are reachable by keyboard, move focus into the card, announce it, and give focus back on Escape', async () => {
    harness = await startBackstory();
    const button = document.querySelector<HTMLButtonElement>('.article__share')!;
    button.focus();
    await press('ArrowRight', { altKey: true, shiftKey: true });
    const card = await waitFor(openCard, 1000);
    const first = harness.page.report();
    expect(first.status).toBe('article');
    expect(layerRoot()!.activeElement).toBe(card);
    await waitFor(() => layerRoot()!.querySelector('[role="status"]')!.textContent!.includes('Press Escape'), 1000);
    const firstTitle = card.querySelector('#bs-card-title')!.textContent;
    await press('ArrowRight', { altKey: true, shiftKey: true });
    await waitFor(() => openCard()?.querySelector('#bs-card-title')?.textContent !== firstTitle && openCard());
    await press('ArrowLeft', { altKey: true, shiftKey: true });
    await waitFor(() => openCard()?.querySelector('#bs-card-title')?.textContent === firstTitle);
    await press('Escape');
    expect(openCard()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('open a note from an entity card and go back by keyboard, and the close button gives focus back', async () => {
    harness = await startBackstory();
    const share = document.querySelector<HTMLButtonElement>('.article__share')!;
    share.focus();
    let card: HTMLElement | null = null;
    for (let i = 0; i < 40 && !card; i++) {
      await press('ArrowRight', { altKey: true, shiftKey: true });
      const open = await waitFor(openCard, 1000);
      if (open.querySelector('.note-link') && open.querySelector('.why')) card = open;
    }
    expect(card).not.toBeNull();
    const entityName = card!.querySelector('#bs-card-title')!.textContent!;
    const why = card!.querySelector('.why')!.textContent;
    // Buttons in the card are pressed with the real keyboard (the card's root is closed to locators).
    const activate = async (button: HTMLButtonElement) => {
      button.focus();
      await press('Enter');
    };
    const noteLink = card!.querySelector<HTMLButtonElement>('.note-link')!;
    const noteTitle = noteLink.textContent;
    await activate(noteLink);
    const note = await waitFor(() => openCard()?.querySelector('.card__kicker')?.textContent === 'Background note' && openCard());
    expect(note.querySelector('#bs-card-title')!.textContent).toBe(noteTitle);
    expect(layerRoot()!.activeElement).toBe(note);
    await activate(note.querySelector<HTMLButtonElement>('.back-link')!);
    const back = await waitFor(() => openCard()?.querySelector('#bs-card-title')?.textContent === entityName && openCard());
    expect(back.querySelector('.why')!.textContent).toBe(why);
    await activate(back.querySelector<HTMLButtonElement>('.card__close')!);
    expect(openCard()).toBeNull();
    expect(document.activeElement).toBe(share);
  });

  it('never traps focus: Tab walks through the card and out of it, and the card then closes', async () => {
    harness = await startBackstory();
    document.querySelector<HTMLButtonElement>('.article__share')!.focus();
    await press('ArrowRight', { altKey: true, shiftKey: true });
    const card = await waitFor(openCard, 1000);
    expect(layerRoot()!.activeElement).toBe(card);
    // Tab stops: links and buttons that are not inside a closed disclosure (a fact's hidden source list).
    const stops = Array.from(card.querySelectorAll('a[href], button')).filter((el) => !el.closest('[hidden]')).length;
    expect(stops).toBeGreaterThan(1);
    for (let i = 0; i < stops; i++) {
      await userEvent.tab();
      expect(openCard()).not.toBeNull();
    }
    // One more Tab leaves the card (the page gets focus back at its start, or the browser does).
    await userEvent.tab();
    await waitFor(() => openCard() === null, 1000);
    expect(layerRoot()?.activeElement ?? null).toBeNull();
  });

  it('lets the page keep its own event handlers and link clicks inside highlights', async () => {
    loadArticlePageOnly();
    const paragraph = Array.from(articleRoot().querySelectorAll('p')).find((p) => p.textContent!.includes('US envoy Steve Witkoff'))!;
    const link = document.createElement('a');
    link.href = '#witkoff';
    paragraph.replaceChildren('The move comes days before Araghchi meets ', link, '.');
    link.textContent = 'Steve Witkoff';
    const clicks: string[] = [];
    link.addEventListener('click', (e) => {
      e.preventDefault();
      clicks.push('page handler');
    });
    harness = await startBackstory({ load: false });
    expect(registered('entity').some((r) => r.toString() === 'Steve Witkoff')).toBe(true);
    const { x, y } = centerOf(rangeOfText('Steve Witkoff'));
    (document.elementFromPoint(x, y) as HTMLElement).click();
    expect(clicks).toEqual(['page handler']);
  });
});

/** Counts the document's hit-test calls (own properties over the prototype's methods) until restored. */
function countHitTests(): { readonly count: number; restore(): void } {
  const names = ['caretPositionFromPoint', 'caretRangeFromPoint', 'elementFromPoint', 'elementsFromPoint'] as const;
  let count = 0;
  for (const name of names) {
    const original = (document as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    if (typeof original !== 'function') continue;
    Object.defineProperty(document, name, {
      configurable: true,
      value: (...args: unknown[]) => {
        count++;
        return original.apply(document, args);
      },
    });
  }
  return {
    get count() {
      return count;
    },
    restore() {
      for (const name of names) delete (document as unknown as Record<string, unknown>)[name];
    },
  };
}
