/**
 * A long article's text goes to the background in pieces, one message per
 * piece with the page's own tasks between them, and the analyse message
 * then names the pieces (messages.ts: `backstory:text-part`, `textParts`).
 *
 * Why: Firefox serialises an extension message on the page's main thread,
 * in one task, at a cost proportional to its size: on the bench's 2 MB
 * text node, sending the 2,000,000-character text in one message took
 * 67-141 ms (143-204 ms as the analyse request on a loaded machine), and
 * encoding it first as bytes or UTF-16 code units cost as much again as
 * it saved. Sent in pieces of TEXT_PART_CHARS, each piece took 1-14 ms
 * (once 36 ms, at load 10). An ordinary article (4-100 KB of text) still
 * goes in one message.
 */
import { MAX_TEXT_CHARS } from './analyse-text';

/** Characters per piece. */
export const TEXT_PART_CHARS = 65_536;
/** Texts up to this length go in the analyse message itself. */
export const ONE_MESSAGE_CHARS = 4 * TEXT_PART_CHARS;
/** The most pieces a text of MAX_TEXT_CHARS needs. */
export const MAX_TEXT_PARTS = Math.ceil(MAX_TEXT_CHARS / TEXT_PART_CHARS);
const MAX_SESSION_LENGTH = 40;

/** Which pieces an analyse message's text came in. */
export interface TextPartsRef {
  session: string;
  count: number;
}

export interface TextPart {
  session: string;
  part: number;
  text: string;
}

const isSession = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_SESSION_LENGTH;
const isPartNumber = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < max;

export function isTextPartsRef(value: unknown): value is TextPartsRef {
  if (typeof value !== 'object' || value === null) return false;
  const { session, count } = value as Record<string, unknown>;
  return isSession(session) && isPartNumber(count, MAX_TEXT_PARTS + 1) && count > 0;
}

export function isTextPart(message: Record<string, unknown>): message is Record<string, unknown> & TextPart {
  const { session, part, text } = message;
  return isSession(session) && isPartNumber(part, MAX_TEXT_PARTS) && typeof text === 'string' && text.length <= TEXT_PART_CHARS;
}

/** The text in pieces of TEXT_PART_CHARS. */
export function splitText(text: string): string[] {
  const parts: string[] = [];
  for (let from = 0; from < text.length; from += TEXT_PART_CHARS) parts.push(text.slice(from, from + TEXT_PART_CHARS));
  return parts;
}

/** Tabs whose pieces are kept at once: a tab closed mid-send leaves its pieces until they are pushed out. */
const MAX_PENDING_TABS = 8;

/** The background's pieces, per tab: one text at a time (a newer session replaces an older one). */
export class TextPartStore {
  private readonly byTab = new Map<number, { session: string; parts: string[] }>();

  add(tabId: number, { session, part, text }: TextPart): void {
    let pending = this.byTab.get(tabId);
    if (pending?.session !== session) {
      this.byTab.delete(tabId);
      this.byTab.set(tabId, (pending = { session, parts: [] }));
      if (this.byTab.size > MAX_PENDING_TABS) this.byTab.delete(this.byTab.keys().next().value!);
    }
    pending.parts[part] = text;
  }

  /** The whole text of `ref`, once (its pieces are then dropped), or null if a piece is missing or it is too long. */
  take(tabId: number, ref: TextPartsRef): string | null {
    const pending = this.byTab.get(tabId);
    if (pending?.session !== ref.session) return null;
    this.byTab.delete(tabId);
    const { parts } = pending;
    if (parts.length !== ref.count) return null;
    for (let i = 0; i < parts.length; i++) if (typeof parts[i] !== 'string') return null;
    const text = parts.join('');
    return text.length <= MAX_TEXT_CHARS ? text : null;
  }

  /** Forgets a tab's pieces (its page changed). */
  drop(tabId: number): void {
    this.byTab.delete(tabId);
  }
}
