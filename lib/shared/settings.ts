/**
 * The reader's settings, kept in the extension's storage: global choices in
 * `storage.sync` (so they follow the reader across browsers where sync is
 * on; Firefox and Chrome both fall back to local storage when it is off) and
 * the per-page "highlights off" list in `storage.local` (it can grow, and
 * sync storage has small quotas).
 */
import { browser } from 'wxt/browser';
import { ENTITY_TYPES, type EntityType } from './annotations/types';
import { readLocal } from './local-read';
import { normalizePath } from './publisher';

export type HighlightStyle = 'underline' | 'background';
export type MentionMode = 'all' | 'first';

export interface Settings {
  /** Backstory on for the publisher's site. */
  siteEnabled: boolean;
  mentionMode: MentionMode;
  /** Entity types to highlight. */
  entityTypes: EntityType[];
  highlightStyle: HighlightStyle;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  siteEnabled: true,
  mentionMode: 'all',
  entityTypes: [...ENTITY_TYPES],
  highlightStyle: 'underline',
});

const SETTINGS_KEY = 'settings';
const PAGES_OFF_KEY = 'pagesOff';

/** Keeps only known values, so old or hand-edited storage cannot break the page. */
export function sanitizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const types = Array.isArray(value.entityTypes)
    ? ENTITY_TYPES.filter((t) => (value.entityTypes as unknown[]).includes(t))
    : [...DEFAULT_SETTINGS.entityTypes];
  return {
    siteEnabled: typeof value.siteEnabled === 'boolean' ? value.siteEnabled : DEFAULT_SETTINGS.siteEnabled,
    mentionMode: value.mentionMode === 'first' ? 'first' : 'all',
    entityTypes: types,
    highlightStyle: value.highlightStyle === 'background' ? 'background' : 'underline',
  };
}

/** Storage area for settings: sync where the browser offers it. */
function settingsArea() {
  return browser.storage.sync ?? browser.storage.local;
}

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await settingsArea().get(SETTINGS_KEY);
    return sanitizeSettings(stored[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS, entityTypes: [...DEFAULT_SETTINGS.entityTypes] };
  }
}

// Saves run one after another, each over the one before: two quick clicks
// in the popup must not both start from the same old settings.
let saving: Promise<unknown> = Promise.resolve();

export type SettingsPatch = Partial<Settings> | ((current: Settings) => Partial<Settings>);

export function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const save = saving.then(async () => {
    const current = await loadSettings();
    const next = sanitizeSettings({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
    await settingsArea().set({ [SETTINGS_KEY]: next });
    return next;
  });
  saving = save.catch(() => {});
  return save;
}

/** The key a page is remembered by: host-independent path, no query or fragment. */
export function pageKey(url: string | Pick<URL, 'pathname'>): string {
  return normalizePath(typeof url === 'string' ? new URL(url).pathname : url.pathname);
}

export async function loadPagesOff(): Promise<string[]> {
  const list = await readLocal(PAGES_OFF_KEY);
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

export async function setPageHighlights(url: string, on: boolean): Promise<void> {
  const key = pageKey(url);
  const list = (await loadPagesOff()).filter((k) => k !== key);
  if (!on) list.push(key);
  await browser.storage.local.set({ [PAGES_OFF_KEY]: list });
}

/** Calls `listener` whenever settings or the page list change; returns an unsubscribe function. */
export function onSettingsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>) => {
    // The reader's link corrections (lib/shared/corrections.ts) change what the page shows too.
    if (SETTINGS_KEY in changes || PAGES_OFF_KEY in changes || 'corrections' in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
