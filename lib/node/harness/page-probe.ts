/**
 * What a test reads from an article page, the same way in both browsers.
 * Each helper evaluates a small function in the page's main world, where the
 * page's own scripts run: the highlight registry and performance marks are
 * visible from there. Backstory's card is in a closed shadow root, which
 * the page cannot see: card helpers go through layer-root.ts, the driver's
 * own view of it.
 *
 * The functions are serialised into the page. They declare no named inner
 * functions: tsx (which runs scripts/demo.ts) wraps those in a __name()
 * helper that does not exist in the page.
 */
import type { Page } from 'puppeteer-core';
import { onLayerRoot, waitOnLayerRoot } from './layer-root';

export const HIGHLIGHT_PREFIX = 'backstory-';

/** The detail of the content script's `backstory:annotated` mark. */
export interface AnnotatedDetail {
  mentions: number;
  /** Distinct notes placed. */
  notes: number;
  /** Passages highlighted for notes (a note can have several). */
  noteRanges: number;
  orphans: number;
}

export interface CardContent {
  kicker: string;
  title: string;
  /** The entity description, or the note's first paragraph. */
  lead: string;
  text: string;
  /** The heading of the card's "Since this article" part, or null. */
  since: string | null;
  /** Each fact's source count as shown ("2 sources", "1 source", "Official account only · 1 source"). */
  sourceCounts: string[];
  /** The line on why the words were linked. */
  why: string;
  /** The card (or something inside it) has keyboard focus. */
  focused: boolean;
}

export interface Point {
  x: number;
  y: number;
}

/** A word of the page's own text: `word` inside the first `selector` element whose text contains `context`. */
export interface WordTarget {
  selector: string;
  word: string;
  /** Text around the word that picks the right element and occurrence (default: the word). */
  context?: string;
}

/** Number of `backstory:annotated` marks so far (one per annotation pass). */
export function annotatedCount(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('backstory:annotated').length);
}

/** Waits until at least `count` annotation passes finished; returns the last pass's detail. */
export async function waitForAnnotated(page: Page, count = 1, timeout = 10_000): Promise<AnnotatedDetail> {
  await page.waitForFunction((n) => performance.getEntriesByName('backstory:annotated').length >= n, { timeout, polling: 50 }, count);
  return page.evaluate(() => {
    const marks = performance.getEntriesByName('backstory:annotated') as PerformanceMark[];
    return marks[marks.length - 1].detail as AnnotatedDetail;
  });
}

/** Whether Backstory's content script started on the page at all. */
export function contentScriptStarted(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByName('backstory:start').length > 0);
}

/** Backstory's registered highlights: name to number of ranges. */
export function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate((prefix) => {
    const sizes: Record<string, number> = {};
    for (const [name, highlight] of CSS.highlights) if (name.startsWith(prefix)) sizes[name] = highlight.size;
    return sizes;
  }, HIGHLIGHT_PREFIX);
}

/** Total ranges Backstory has registered (0 when it registered nothing or cleaned up). */
export async function highlightedRangeCount(page: Page): Promise<number> {
  return Object.values(await highlightSizes(page)).reduce((a, b) => a + b, 0);
}

/** The text of every range in one registered highlight. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n);
    return highlight ? Array.from(highlight as unknown as Iterable<Range>, (range) => range.toString()) : [];
  }, name);
}

/** Whether the highlight has ranges and every one of them is on text inside `selector`, in the document now. */
export function highlightRangesInside(page: Page, name: string, selector: string): Promise<boolean> {
  return page.evaluate(
    (n, sel) => {
      const highlight = CSS.highlights.get(n);
      const root = document.querySelector(sel);
      if (!highlight || highlight.size === 0 || !root) return false;
      return Array.from(highlight as unknown as Iterable<Range>).every(
        (range) => root.contains(range.startContainer) && root.contains(range.endContainer),
      );
    },
    name,
    selector,
  );
}

/** Elements Backstory added to the page: its layer host (a <div> child of <html> with one random data-* attribute) and anything marked as its own. */
export function layerCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      Array.from(document.documentElement.children).filter(
        (el) => el.localName === 'div' && el.getAttributeNames().length === 1 && /^data-[a-z]{10}$/.test(el.getAttributeNames()[0]),
      ).length + document.querySelectorAll('[data-backstory]').length,
  );
}

/**
 * The middle of `word` in the first element matching `selector` whose text
 * contains `context` (default: the word itself), measured with a DOM Range
 * over the page's own text node, after scrolling the element to the middle
 * of the viewport. Backstory's elements play no part in it.
 */
export async function wordPoint(page: Page, options: WordTarget): Promise<Point> {
  const point = await page.evaluate(({ selector, word, context }) => {
    const element = Array.from(document.querySelectorAll(selector)).find((el) => el.textContent?.includes(context));
    if (!element) throw new Error(`no ${selector} containing "${context}"`);
    element.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      const contextAt = data.indexOf(context);
      if (contextAt < 0) continue;
      const at = data.indexOf(word, contextAt);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`"${context}" is not inside a single text node of ${selector}`);
  }, { ...options, context: options.context ?? options.word });
  // Let the scroll settle before the pointer moves.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return point;
}

/** Whether `text` (first occurrence in `selector`) lies fully inside the viewport. */
export function textInViewport(page: Page, selector: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, text }) => {
      const element = Array.from(document.querySelectorAll(selector)).find((el) => el.textContent?.includes(text));
      if (!element) return false;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rect = range.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth;
      }
      return false;
    },
    { selector, text },
  );
}

/** The open card, read from Backstory's (closed) layer root, or null when none is open. */
export function readCard(page: Page): Promise<CardContent | null> {
  return onLayerRoot(page, (root) => {
    const floating = root.querySelector<HTMLElement>('.floating');
    const card = floating && !floating.hidden && floating.style.visibility !== 'hidden' ? floating.querySelector<HTMLElement>('.card') : null;
    if (!card) return null;
    const texts = ['.card__kicker', '.card__title', '.description', '.note-paragraph'].map(
      (selector) => card.querySelector(selector)?.textContent?.trim() ?? '',
    );
    return {
      kicker: texts[0],
      title: texts[1],
      lead: texts[2] || texts[3],
      text: card.textContent ?? '',
      since: card.querySelector('.since h3')?.textContent?.trim() ?? null,
      sourceCounts: Array.from(card.querySelectorAll('.fact button.sourcing')).map((b) => b.textContent?.trim() ?? ''),
      why: card.querySelector('.why')?.textContent?.trim() ?? '',
      focused: document.activeElement === root.host && card.contains(root.activeElement),
    };
  });
}

/** Waits for an open card (optionally with a given title) and returns it. */
export async function waitForCard(page: Page, title?: string, timeout = 5_000): Promise<CardContent> {
  await waitOnLayerRoot(
    page,
    (root, wanted) => {
      const floating = root.querySelector<HTMLElement>('.floating');
      const heading = floating && !floating.hidden && floating.style.visibility !== 'hidden' ? floating.querySelector('.card__title') : null;
      return heading !== null && heading !== undefined && (wanted === null || heading.textContent?.trim() === wanted);
    },
    title ?? null,
    timeout,
  );
  return (await readCard(page))!;
}

export async function waitForNoCard(page: Page, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const open = await onLayerRoot(page, (root) => {
      const floating = root.querySelector<HTMLElement>('.floating');
      return !!floating && !floating.hidden && floating.style.visibility !== 'hidden';
    });
    if (!open) return;
    if (Date.now() > deadline) throw new Error(`a card was still open after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** The card's box in viewport coordinates (to move the pointer into it). */
export async function cardBox(page: Page): Promise<DOMRect> {
  const box = await onLayerRoot(page, (root) => root.querySelector('.card')?.getBoundingClientRect().toJSON() as DOMRect | undefined);
  if (!box) throw new Error('no card open');
  return box;
}

/** Waits for the card's opening animation to finish (before a screenshot). */
export async function cardSettled(page: Page): Promise<void> {
  await onLayerRoot(page, async (root) => {
    const card = root.querySelector('.card');
    await Promise.all((card?.getAnimations({ subtree: true }) ?? []).map((animation) => animation.finished));
  });
}

export function scrollY(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY);
}

/** The whole document's markup, to compare a page with Backstory against one without. */
export function documentHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** Waits until the page has stopped scrolling (smooth scrolls take a few frames). */
export async function waitForScrollEnd(page: Page, timeout = 3_000): Promise<number> {
  const deadline = Date.now() + timeout;
  let last = await scrollY(page);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await scrollY(page);
    if (now === last || Date.now() > deadline) return now;
    last = now;
  }
}
