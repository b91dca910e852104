/**
 * From matched words to linked entities: the page is read, not only its date
 * (issue #14). The matcher finds the longest surface form at each place in
 * one pass; this pass decides what each match means.
 *
 * - `block` forms link nothing: a longer name that contains a form is not
 *   that form ("The Washington Post", "North Korea’s supreme leader").
 * - `name`, `variant`, `alias` and dated `title` forms link their entity.
 * - `short` forms (a surname, a first name, "the Foreign Ministry") may
 *   belong to several entities and link only to one the page names in full,
 *   one sense per page (Gale, Church & Yarowsky 1992,
 *   https://aclanthology.org/H92-1045/): the entity named nearest before,
 *   else nearest after (a headline comes before the full name). Before that,
 *   the words around decide where they can: a form's `cues` ("Khamenei’s
 *   death" is the father's), and "the late" or "former" go with the entity
 *   whose offices had all ended by the page's date. Where nothing decides,
 *   nothing is linked: a wrong card is worse than none.
 */
import type { Entity, SurfaceForm } from '../annotations/types';
import { lastDay } from './active-forms';
import { straightenQuotes } from '../text/normalize';
import type { FormRef } from './entity-forms';

export interface RawMention {
  start: number;
  end: number;
  ref: FormRef;
}

export type LinkReason =
  /** Named in full (or by another spelling or a fixed alias). */
  | { kind: 'name' }
  /** A title that names the entity on the page's date. */
  | { kind: 'title'; date: string | null }
  /** A short form resolved by the entity's full name elsewhere on the page. */
  | { kind: 'refers-back'; direction: 'above' | 'below' }
  /** A short form resolved by the words around it ("the late", "’s death"). */
  | { kind: 'context'; words: string };

export interface LinkedMention {
  entity: Entity;
  start: number;
  end: number;
  reason: LinkReason;
}

/** The short forms that apply on a page, by lower-cased text: the entities a short word may mean. */
export type ShortSenses = Map<string, FormRef[]>;

export function shortSenses(entities: readonly Entity[], applies: (entity: Entity, form: SurfaceForm) => boolean): ShortSenses {
  const senses: ShortSenses = new Map();
  for (const entity of entities) {
    for (const form of entity.surfaceForms) {
      if (form.kind !== 'short' || !applies(entity, form)) continue;
      const key = straightenQuotes(form.text).toLowerCase();
      senses.set(key, [...(senses.get(key) ?? []), { entity, form }]);
    }
  }
  return senses;
}

const LATE_OR_FORMER = /(?:^|[^\p{L}])(?:the late|late|former|ex-)\s+$/iu;

/** Every office the entity held had ended by the page's date (the late Ali Khamenei, the former minister Zarif). */
function rolesEndedBy(entity: Entity, pageDate: string | null): boolean {
  const roles = entity.roles ?? [];
  if (!pageDate || roles.length === 0) return false;
  return roles.every((role) => role.to !== undefined && lastDay(role.to) <= pageDate);
}

function cued(form: SurfaceForm, text: string, start: number, end: number): string | null {
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  const after = text.slice(end, end + 40).toLowerCase();
  for (const cue of form.cues?.before ?? []) if (before.endsWith(straightenQuotes(cue).toLowerCase())) return cue;
  for (const cue of form.cues?.after ?? []) if (after.startsWith(straightenQuotes(cue).toLowerCase())) return cue;
  return null;
}

/** The candidates whose form also fits the letter case of the words matched. */
function candidatesFor(mention: RawMention, text: string, senses: ShortSenses): FormRef[] {
  const words = text.slice(mention.start, mention.end);
  return (senses.get(words.toLowerCase()) ?? []).filter(({ form }) => form.ignoreCase || straightenQuotes(form.text) === words);
}

const isAnchor = (kind: SurfaceForm['kind']) => kind === 'name' || kind === 'variant' || kind === 'alias' || kind === 'title';
const NAME: LinkReason = { kind: 'name' };

/**
 * Two linear passes over the matches (in text order): backwards to learn,
 * for each short form, the nearest full mention after it of each entity it
 * may mean; forwards to link, keeping the nearest full mention before it.
 * Cost grows with the matches times the (one or two) senses of a short
 * form, never with matches times matches.
 */
export function resolveMentions(raw: readonly RawMention[], text: string, pageDate: string | null, senses: ShortSenses): LinkedMention[] {
  const titled: LinkReason = { kind: 'title', date: pageDate };
  const linked: LinkedMention[] = [];
  if (!raw.some((m) => m.ref.form.kind === 'short')) {
    // Most pages of a large set: nothing to resolve against the rest of the page.
    for (const { start, end, ref } of raw) {
      if (ref.form.kind !== 'block') linked.push({ entity: ref.entity, start, end, reason: ref.form.kind === 'title' ? titled : NAME });
    }
    return linked;
  }
  const candidates: (FormRef[] | null)[] = raw.map((m) => (m.ref.form.kind === 'short' ? candidatesFor(m, text, senses) : null));
  // Nearest full mention after each short form, among its candidates.
  const below: (Entity | null)[] = new Array(raw.length).fill(null);
  const nextAt = new Map<Entity, number>();
  for (let i = raw.length - 1; i >= 0; i--) {
    const m = raw[i];
    if (isAnchor(m.ref.form.kind)) nextAt.set(m.ref.entity, m.start);
    else if (candidates[i]) below[i] = nearest(candidates[i]!, nextAt, (a, b) => a < b);
  }
  const lastAt = new Map<Entity, number>();
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i];
    const { entity, form } = m.ref;
    if (isAnchor(form.kind)) lastAt.set(entity, m.start);
    switch (form.kind) {
      case 'block':
        continue;
      case 'title':
        linked.push({ entity, start: m.start, end: m.end, reason: titled });
        continue;
      case 'short': {
        const found = resolveShort(m, text, pageDate, candidates[i]!, nearest(candidates[i]!, lastAt, (a, b) => a > b), below[i]);
        if (found) linked.push({ entity: found.entity, start: m.start, end: m.end, reason: found.reason });
        continue;
      }
      default:
        linked.push({ entity, start: m.start, end: m.end, reason: NAME });
    }
  }
  return linked;
}

/** The candidate whose position in `at` is best by `better`, or null when none has one. */
function nearest(candidates: readonly FormRef[], at: Map<Entity, number>, better: (a: number, b: number) => boolean): Entity | null {
  let found: Entity | null = null;
  let best = 0;
  for (const { entity } of candidates) {
    const pos = at.get(entity);
    if (pos !== undefined && (found === null || better(pos, best))) [found, best] = [entity, pos];
  }
  return found;
}

/** A capitalised word right after a first name or surname: someone else's full name ("Mojtaba Zolnour"). */
const NAME_FOLLOWS = /^ \p{Lu}\p{Ll}/u;

function resolveShort(
  m: RawMention,
  text: string,
  pageDate: string | null,
  candidates: FormRef[],
  above: Entity | null,
  below: Entity | null,
): { entity: Entity; reason: LinkReason } | null {
  if (candidates.length === 0) return null;
  // Had this entity's longer name followed, the matcher would have matched it instead.
  if (NAME_FOLLOWS.test(text.slice(m.end, m.end + 3))) return null;
  const byCue = candidates.map((c) => ({ c, cue: cued(c.form, text, m.start, m.end) })).filter((x) => x.cue !== null);
  if (byCue.length === 1) return { entity: byCue[0].c.entity, reason: { kind: 'context', words: byCue[0].cue! } };
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  if (candidates.length > 1 && LATE_OR_FORMER.test(before)) {
    const ended = candidates.filter((c) => rolesEndedBy(c.entity, pageDate));
    if (ended.length === 1) return { entity: ended[0].entity, reason: { kind: 'context', words: before.trim() } };
  }
  if (above) return { entity: above, reason: { kind: 'refers-back', direction: 'above' } };
  if (below) return { entity: below, reason: { kind: 'refers-back', direction: 'below' } };
  // Named nowhere on the page: a form that may stand alone links when it is the only sense on the page's date.
  if (candidates.length === 1 && candidates[0].form.alone) return { entity: candidates[0].entity, reason: { kind: 'title', date: pageDate } };
  return null;
}
