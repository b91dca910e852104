/**
 * Runs Backstory's page controller on the test document as the content
 * script would, with the URL, settings and badge under the test's control.
 */
import type { AnnotationSet } from '../../lib/annotations/types';
import { BackstoryPage } from '../../lib/content/backstory-page';
import { HIGHLIGHT_NAMES } from '../../lib/highlight/highlighter';
import { compileEntityForms } from '../../lib/mentions/entity-forms';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { annotationSet, ARTICLE_URL, loadArticlePage } from './bundled-data';

export interface Harness {
  page: BackstoryPage;
  badges: number[];
  setUrl(url: string): void;
  setSettings(patch: Partial<Settings>, pagesOff?: string[]): Promise<void>;
}

export async function startBackstory(
  options: { url?: string; load?: boolean; settings?: Partial<Settings>; set?: AnnotationSet } = {},
): Promise<Harness> {
  if (options.load !== false) loadArticlePage();
  let url = options.url ?? ARTICLE_URL;
  let settings: Settings = { ...DEFAULT_SETTINGS, entityTypes: [...DEFAULT_SETTINGS.entityTypes], ...options.settings };
  let pagesOff: string[] = [];
  const badges: number[] = [];
  const set = options.set ?? annotationSet;
  const page = new BackstoryPage({
    win: window,
    set,
    // As the build compiles them into annotation-data.js.
    formIndex: compileEntityForms(set.entities),
    loadSettings: async () => settings,
    loadPagesOff: async () => pagesOff,
    sendBadge: (count) => badges.push(count),
    url: () => url,
  });
  await page.start();
  return {
    page,
    badges,
    setUrl: (next) => (url = next),
    async setSettings(patch, off = pagesOff) {
      settings = { ...settings, ...patch };
      pagesOff = off;
      await page.settingsChanged();
    },
  };
}

/** Ranges registered under the entity / note highlight names (either style). */
export function registered(kind: 'entity' | 'note'): Range[] {
  const names = Object.values(HIGHLIGHT_NAMES[kind]);
  return names.flatMap((name) => Array.from((CSS.highlights.get(name) as Set<AbstractRange> | undefined) ?? [])) as Range[];
}

export function highlightCount(): number {
  let total = 0;
  CSS.highlights.forEach((h) => (total += h.size));
  return total;
}

/** The shadow root of Backstory's layer, if present. */
export function layerRoot(): ShadowRoot | null {
  return document.querySelector('backstory-layer')?.shadowRoot ?? null;
}

/** The open card, once it is placed and visible. */
export function openCard(): HTMLElement | null {
  const floating = layerRoot()?.querySelector<HTMLElement>('.floating');
  if (!floating || floating.hidden || floating.style.visibility === 'hidden') return null;
  return floating.querySelector<HTMLElement>('[role="dialog"]');
}

/** A Range over the first occurrence of `text` inside `root` (the page's own text, not Backstory's). */
export function rangeOfText(text: string, root: Element = document.querySelector('article')!): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at !== -1) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range;
    }
  }
  throw new Error(`"${text}" not found`);
}

/** Centre of the range's first line box, scrolled into the viewport first. */
export function centerOf(range: Range): { x: number; y: number } {
  range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0];
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

export function pointerMove(x: number, y: number): void {
  document.elementFromPoint(x, y)?.dispatchEvent(
    new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }),
  );
}

export function press(key: string, init: KeyboardEventInit = {}): void {
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(check: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}
