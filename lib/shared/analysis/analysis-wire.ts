/**
 * The analysis as it travels from the background to the page: each entity
 * mention as four numbers in one flat list, with the entity ids and link
 * reasons it refers to listed once each.
 *
 * Why: Firefox serialises extension messages (structured clone) on the
 * page's main thread, and the cost is per object and per string. On the
 * bench's 2 MB text node (39,172 mentions), receiving the mentions as
 * objects held the page's own setTimeout(0) chain for 155-240 ms in one
 * task; in the same runs, 40,000 mention-like objects cost 201-261 ms to
 * clone and an Int32Array of the same 160,000 numbers 7-19 ms (a plain
 * array of them 37-119 ms). Chromium serialises messages as JSON (unless
 * the manifest opts into structured clone), where a typed array would
 * arrive as an object of numbered keys: there the numbers go as a plain
 * array, which is also smaller JSON than the objects.
 */
import type { LinkReason } from '../mentions/resolve-mentions';
import type { AnalysedMention, Analysis } from './analyse-text';
import { isRecord } from '../messages';

/** Numbers per mention: start, end, index in `entityIds`, index in `reasons`. */
const FIELDS = 4;

export interface PackedAnalysis extends Omit<Analysis, 'mentions'> {
  /** FIELDS numbers per mention, in text order. */
  mentions: Int32Array | number[];
  entityIds: string[];
  reasons: LinkReason[];
}

/** Packs an analysis for the message; `typed` where messages are structured-cloned (Firefox). */
export function packAnalysis(analysis: Analysis, typed: boolean): PackedAnalysis {
  const { mentions, ...rest } = analysis;
  const entityIds: string[] = [];
  const entityIndex = new Map<string, number>();
  const reasons: LinkReason[] = [];
  const reasonIndex = new Map<string, number>();
  const numbers = typed ? new Int32Array(mentions.length * FIELDS) : new Array<number>(mentions.length * FIELDS);
  for (let i = 0; i < mentions.length; i++) {
    const { start, end, entityId, reason } = mentions[i];
    let e = entityIndex.get(entityId);
    if (e === undefined) entityIndex.set(entityId, (e = entityIds.push(entityId) - 1));
    const key = JSON.stringify(reason);
    let r = reasonIndex.get(key);
    if (r === undefined) reasonIndex.set(key, (r = reasons.push(reason) - 1));
    numbers[i * FIELDS] = start;
    numbers[i * FIELDS + 1] = end;
    numbers[i * FIELDS + 2] = e;
    numbers[i * FIELDS + 3] = r;
  }
  return { ...rest, mentions: numbers, entityIds, reasons };
}

function isNumberList(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || Object.prototype.toString.call(value) === '[object Int32Array]';
}

/**
 * The analysis from a packed answer, or null if the answer is not one
 * (missing parts, indexes out of range, offsets that are not a span):
 * a malformed answer places nothing rather than something wrong.
 */
export function unpackAnalysis(value: unknown): Analysis | null {
  if (!isRecord(value) || !isRecord(value.refs)) return null;
  const { mentions: numbers, entityIds, reasons, notes, orphans, refs } = value;
  if (!isNumberList(numbers) || numbers.length % FIELDS !== 0 || !Array.isArray(entityIds) || !Array.isArray(reasons)) return null;
  if (!Array.isArray(notes) || !Array.isArray(orphans) || !Array.isArray(refs.entities) || !Array.isArray(refs.notes)) return null;
  const mentions: AnalysedMention[] = new Array(numbers.length / FIELDS);
  for (let i = 0, k = 0; k < numbers.length; i++, k += FIELDS) {
    const start = numbers[k];
    const end = numbers[k + 1];
    const entityId: unknown = entityIds[numbers[k + 2]];
    const reason: unknown = reasons[numbers[k + 3]];
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
    if (typeof entityId !== 'string' || !isRecord(reason)) return null;
    mentions[i] = { start, end, entityId, reason: reason as LinkReason };
  }
  return { mentions, notes, orphans, refs: refs as unknown as Analysis['refs'] };
}
