/**
 * Runs Backstory's page controller on the test document as the content
 * script would, with the URL, settings and badge under the test's control.
 */
// The content script's own CSS, which the browser injects with it (the default paint lives there).
import '../../components/card/highlights.css';
import { commands, userEvent } from 'vitest/browser';
import type { AnnotationSet } from '../../lib/shared/annotations/types';
import type { FoundIds } from '../../lib/shared/messages';
import type { Correction } from '../../lib/shared/corrections';
import { BackstoryPage } from '../../lib/content/backstory-page';
import './card-ui';
import { closedShadowRoot as layerShadowRoot } from './closed-roots';
import { HIGHLIGHT_NAMES } from '../../lib/content/highlight/highlighter';
import { localData } from './local-data';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/shared/settings';
import { annotationSet, ARTICLE_URL, loadArticlePage } from './bundled-data';

export interface Harness {
  page: BackstoryPage;
  badges: number[];
  /** What the page told the background it found (sendFound), in order. */
  found: FoundIds[];
  setUrl(url: string): void;
  setSettings(patch: Partial<Settings>, pagesOff?: string[]): Promise<void>;
  /** The reader's link corrections, as the page stored them (in memory here, not in extension storage). */
  corrections: Correction[];
  /** Undoes a correction as the popup does (the storage change re-annotates the page). */
  undoCorrection(id: string): Promise<void>;
}

export async function startBackstory(
  options: { url?: string; load?: boolean; settings?: Partial<Settings>; set?: AnnotationSet; whenIdle?: boolean } = {},
): Promise<Harness> {
  // The real mouse stays where the last test left it: park it in the corner,
  // so moving it to a term is a move (a move to where it already is fires nothing).
  await pointerMove(1, 1);
  if (options.load !== false) loadArticlePage();
  let url = options.url ?? ARTICLE_URL;
  let settings: Settings = { ...DEFAULT_SETTINGS, entityTypes: [...DEFAULT_SETTINGS.entityTypes], ...options.settings };
  let pagesOff: string[] = [];
  const badges: number[] = [];
  const found: Harness['found'] = [];
  const corrections: Correction[] = [];
  const set = options.set ?? annotationSet;
  const page = new BackstoryPage({
    win: window,
    data: localData(set),
    loadSettings: async () => settings,
    loadPagesOff: async () => pagesOff,
    sendBadge: (count) => badges.push(count),
    sendFound: (ids) => found.push(ids),
    url: () => url,
    loadCorrections: async () => [...corrections],
    saveCorrection: async (correction) => {
      corrections.push({ ...correction, id: `c${corrections.length}`, createdAt: new Date().toISOString() });
      await page.settingsChanged();
    },
  });
  // As the content script starts it (in the page's first idle period), or at once and awaited.
  if (options.whenIdle) page.startWhenIdle();
  else await page.start();
  return {
    page,
    badges,
    found,
    corrections,
    async undoCorrection(id) {
      corrections.splice(corrections.findIndex((c) => c.id === id), 1);
      await page.settingsChanged();
    },
    setUrl: (next) => (url = next),
    async setSettings(patch, off = pagesOff) {
      settings = { ...settings, ...patch };
      pagesOff = off;
      await page.settingsChanged();
    },
  };
}

/** Ranges registered under the entity / note highlight name. */
export function registered(kind: 'entity' | 'note'): Range[] {
  return Array.from((CSS.highlights.get(HIGHLIGHT_NAMES[kind]) as Set<AbstractRange> | undefined) ?? []) as Range[];
}

export function highlightCount(): number {
  let total = 0;
  CSS.highlights.forEach((h) => (total += h.size));
  return total;
}

/** Backstory's layer host: a child of <html> whose (closed) shadow root this content script made. */
export function layerHost(): Element | null {
  return Array.from(document.documentElement.children).find((el) => layerShadowRoot(el) !== null) ?? null;
}

/** The shadow root of Backstory's layer, through the content script's own handle (the page gets null). */
export function layerRoot(): ShadowRoot | null {
  const host = layerHost();
  return host && layerShadowRoot(host);
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

/** Moves the reader's (real) mouse to a viewport point. */
export function pointerMove(x: number, y: number): Promise<void> {
  return commands.mouseMove(x, y);
}

/** Presses a key on the real keyboard, with Alt and Shift held if asked, where focus is. */
export async function press(key: string, init: Pick<KeyboardEventInit, 'altKey' | 'shiftKey'> = {}): Promise<void> {
  const held = [init.altKey && 'Alt', init.shiftKey && 'Shift'].filter((k): k is string => !!k);
  await userEvent.keyboard([...held.map((k) => `{${k}>}`), `{${key}}`, ...held.reverse().map((k) => `{/${k}}`)].join(''));
}

/** A synthetic (untrusted) keydown, as a page script can dispatch one. */
export function dispatchKey(key: string, init: KeyboardEventInit = {}, target: Element = document.activeElement ?? document.body): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
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
