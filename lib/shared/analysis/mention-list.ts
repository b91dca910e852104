/**
 * The analysis's entity mentions as they travel from the background to the
 * page: four numbers per mention in one flat array, entity ids and reasons
 * named once each, instead of an object per mention.
 *
 * Why: the page receives the answer in one task, and turning it into script
 * values cannot be sliced. On the bench's 50,000-highlight page the answer
 * with an object per mention (3.9 MB of JSON) took that task 124-154 ms
 * (with its garbage collection), the page's longest wait for a pointer move
 * (limit 100 ms; bench trace of 2026-12-01); the same mentions as numbers are
 * 0.9 MB and parse three to five times faster (JSON.parse in Node, this machine).
 */
import type { LinkReason } from '../mentions/resolve-mentions';

export interface AnalysedMention {
  start: number;
  end: number;
  entityId: string;
  reason: LinkReason;
}

export interface MentionList {
  /** The entities mentioned, each once. */
  entityIds: string[];
  /** The reasons given, each alike one once (mentions share the objects). */
  reasons: LinkReason[];
  /**
   * Per mention, in text order: start, end, its index in entityIds, its
   * index in reasons. An Int32Array where messages are structured-cloned
   * (Firefox, see withTypedNumbers), an array where they are JSON (Chromium).
   */
  packed: number[] | Int32Array;
}

/** Numbers per mention in `packed`. */
export const MENTION_FIELDS = 4;

export function packMentions(mentions: readonly AnalysedMention[]): MentionList {
  const entityIds: string[] = [];
  const reasons: LinkReason[] = [];
  const entityIndex = new Map<string, number>();
  // Reasons are small records, often made afresh per mention: alike ones are one entry.
  const reasonIndex = new Map<string, number>();
  const packed = new Array<number>(mentions.length * MENTION_FIELDS);
  mentions.forEach((m, i) => {
    let e = entityIndex.get(m.entityId);
    if (e === undefined) entityIndex.set(m.entityId, (e = entityIds.push(m.entityId) - 1));
    const reasonKey = JSON.stringify(m.reason);
    let r = reasonIndex.get(reasonKey);
    if (r === undefined) reasonIndex.set(reasonKey, (r = reasons.push(m.reason) - 1));
    packed[i * MENTION_FIELDS] = m.start;
    packed[i * MENTION_FIELDS + 1] = m.end;
    packed[i * MENTION_FIELDS + 2] = e;
    packed[i * MENTION_FIELDS + 3] = r;
  });
  return { entityIds, reasons, packed };
}

export function mentionCount(list: MentionList): number {
  return Math.floor(list.packed.length / MENTION_FIELDS);
}

/** Mention `i` (0 <= i < mentionCount); its entity id is undefined if the list is malformed. */
export function mentionAt(list: MentionList, i: number): AnalysedMention {
  const at = i * MENTION_FIELDS;
  const { packed } = list;
  return { start: packed[at], end: packed[at + 1], entityId: list.entityIds[packed[at + 2]], reason: list.reasons[packed[at + 3]] };
}

export function unpackMentions(list: MentionList): AnalysedMention[] {
  return Array.from({ length: mentionCount(list) }, (_, i) => mentionAt(list, i));
}

/**
 * The list with its numbers in an Int32Array, for Firefox: there the page
 * clones the answer (structured clone) on its main thread, per element of
 * an array but as one copy for a typed array. 160,000 numbers (the bench's
 * 2 MB text node has 39,172 mentions) took 37-119 ms as an array and 7-19 ms
 * as an Int32Array, 40,000 mentions as objects 201-261 ms (Firefox ESR, one
 * session at load 6-10). Chromium's JSON messages would turn a typed array
 * into an object of numbered keys.
 */
export function withTypedNumbers(list: MentionList): MentionList {
  return { ...list, packed: Int32Array.from(list.packed) };
}

/** A list as a message carries it: the shape checked, the numbers used as they are (annotate-page skips what does not fit). */
export function isMentionList(value: unknown): value is MentionList {
  if (typeof value !== 'object' || value === null) return false;
  const { entityIds, reasons, packed } = value as Record<string, unknown>;
  return Array.isArray(entityIds) && Array.isArray(reasons) && (Array.isArray(packed) || Object.prototype.toString.call(packed) === '[object Int32Array]');
}
