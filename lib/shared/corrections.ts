/**
 * The reader's corrections of wrong links ("Not this" on a card, issue #14):
 * kept in the extension's local storage only, applied on that page, listed
 * in the popup with undo, and copied as a JSON report for the people who
 * maintain the annotation set when the reader chooses. Nothing leaves the
 * machine unless the reader copies it.
 */
import { browser } from 'wxt/browser';
import { readLocal } from './local-read';
import { pageKey } from './settings';

export const CORRECTIONS_KEY = 'corrections';
/** Enough for any reader; the oldest go first past it, so storage cannot grow without bound. */
export const MAX_CORRECTIONS = 500;

export interface Correction {
  id: string;
  /** The page's address, without query or fragment. */
  url: string;
  /** The page's publication date, when known. */
  pageDate: string | null;
  /** The linked words, as on the page. */
  words: string;
  entityId: string;
  entityName: string;
  /** Up to 40 characters before the words, to tell this mention from others. */
  before: string;
  /** Up to 40 characters after. */
  after: string;
  /** This mention only, or every mention of these words linked to this entity on the page. */
  scope: 'mention' | 'words';
  /** ISO 8601 time the reader made it. */
  createdAt: string;
}

/** A mention as the page sees it, to test against corrections. */
export interface MentionOnPage {
  entityId: string;
  words: string;
  before: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const CONTEXT = 40;

/** Keeps only well-formed corrections: storage may hold anything. */
export function sanitizeCorrections(raw: unknown): Correction[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((c): c is Correction => {
      if (!c || typeof c !== 'object') return false;
      const v = c as Record<string, unknown>;
      return (
        ['id', 'url', 'words', 'entityId', 'entityName', 'before', 'after', 'createdAt'].every((k) => isString(v[k])) &&
        (v.pageDate === null || isString(v.pageDate)) &&
        (v.scope === 'mention' || v.scope === 'words') &&
        (v.words as string).length > 0 &&
        (v.words as string).length <= 200
      );
    })
    .slice(-MAX_CORRECTIONS);
}

/** The words' context in the page text, as a correction keeps it. */
export function contextOf(text: string, start: number, end: number): { before: string; after: string } {
  return { before: text.slice(Math.max(0, start - CONTEXT), start), after: text.slice(end, end + CONTEXT) };
}

/** Whether the reader has said this mention is not this entity. */
export function isCorrected(corrections: readonly Correction[], url: string, mention: MentionOnPage): boolean {
  const key = pageKey(url);
  return corrections.some(
    (c) =>
      c.entityId === mention.entityId &&
      pageKey(c.url) === key &&
      (c.scope === 'words' ? c.words.toLowerCase() === mention.words.toLowerCase() : c.words === mention.words && mention.before.endsWith(c.before)),
  );
}

export function correctionsForPage(corrections: readonly Correction[], url: string): Correction[] {
  const key = pageKey(url);
  return corrections.filter((c) => pageKey(c.url) === key);
}

export async function loadCorrections(): Promise<Correction[]> {
  try {
    return sanitizeCorrections(await readLocal(CORRECTIONS_KEY));
  } catch {
    return [];
  }
}

// One write after another, each over the list the one before left.
let writing: Promise<unknown> = Promise.resolve();

function update(change: (list: Correction[]) => Correction[]): Promise<Correction[]> {
  const write = writing.then(async () => {
    const next = change(await loadCorrections()).slice(-MAX_CORRECTIONS);
    await browser.storage.local.set({ [CORRECTIONS_KEY]: next });
    return next;
  });
  writing = write.catch(() => {});
  return write;
}

export function addCorrection(correction: Omit<Correction, 'id' | 'createdAt'>, now = new Date()): Promise<Correction[]> {
  const url = correction.url.replace(/[?#].*$/, '');
  const id = `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return update((list) => [...list, { ...correction, url, id, createdAt: now.toISOString() }]);
}

export function removeCorrection(id: string): Promise<Correction[]> {
  return update((list) => list.filter((c) => c.id !== id));
}

/** The report a reader may copy for the set's maintainers: what was linked, where, and what they said. */
export function correctionsReport(corrections: readonly Correction[], dataCheckedTo: string, version: string): string {
  return JSON.stringify(
    {
      report: 'Backstory link corrections',
      extensionVersion: version,
      dataCheckedTo,
      corrections: corrections.map(({ url, pageDate, words, entityId, entityName, before, after, scope, createdAt }) => ({
        url,
        pageDate,
        words,
        linkedTo: { id: entityId, name: entityName },
        context: `${before}[${words}]${after}`,
        scope,
        createdAt,
      })),
    },
    null,
    2,
  );
}
