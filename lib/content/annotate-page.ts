/**
 * One annotation pass over a detected page: index the article's text, find
 * entity mentions and anchor the article's notes. Long texts are worked
 * through in time slices so the page stays responsive. DOM Ranges are made
 * only when something needs one (a highlight on screen, a hit test, a card):
 * a live Range costs time to make and slows the page's own DOM changes.
 */
import { anchorSteps } from '../shared/anchoring/anchor';
import { contextOf, type MentionOnPage } from '../shared/corrections';
import type { AnnotationSet, Entity, Note } from '../shared/annotations/types';
import { formApplies } from '../shared/mentions/active-forms';
import { entityMatcher, type EntityFormIndex, type FormRef } from '../shared/mentions/entity-forms';
import { firstOfEach } from '../shared/mentions/find-mentions';
import { type LinkReason, type RawMention, resolveMentions, shortSenses } from '../shared/mentions/resolve-mentions';
import type { DetectedPage } from './page/detect-page';
import type { Settings } from '../shared/settings';
import { textIndexSteps, type TextIndex } from './text-index';
import { lowerCaseSameLength } from '../shared/text/word-chars';
import { SLICE_MS, TimeSlicer } from './yield-to-main';

export type AnnotatedPage = Extract<DetectedPage, { kind: 'article' | 'other-article' }>;

interface Placement {
  /** The entity's or note's id. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The DOM Range over the text, made on first use; null if the page changed under it. */
  readonly range: Range | null;
}

/** An entity mention, with its entity and why it was linked (the card says so). */
export interface PlacedEntity extends Placement {
  readonly kind: 'entity';
  readonly entity: Entity;
  readonly reason: LinkReason;
}

/** A passage of a background note. */
export interface PlacedNote extends Placement {
  readonly kind: 'note';
  readonly note: Note;
}

export type PlacedAnnotation = PlacedEntity | PlacedNote;

export interface Orphan {
  noteId: string;
  reason: string;
}

export interface AnnotationResult {
  page: AnnotatedPage;
  index: TextIndex;
  /** Entity mentions shown (after the first-mention setting), in text order. */
  mentions: PlacedEntity[];
  /** Mentions per entity on the page, whatever the setting. */
  mentionCounts: Map<Entity, number>;
  /** Placed note passages, in text order. */
  notes: PlacedNote[];
  orphans: Orphan[];
  /** Notes and mentions in text order: the keyboard's path through the page. */
  ordered: PlacedAnnotation[];
  /** Set when the page was too long to annotate: nothing is placed, and the popup says why. */
  tooLong?: { textChars: number; maxTextChars: number };
}

const CHUNK_CHARS = 20_000;

/**
 * Past this much article text Backstory annotates nothing and says so
 * (the popup reads `tooLong` from the page report). The work is sliced, so
 * a longer page would not freeze the reader, but it would not be worth it:
 * an annotated article is 4 KB of text and a very long one 100 KB; 3 million
 * characters is a 500,000-word book. Measured here (2 shared cores) before
 * the cut-off: a 10 MB page took a 3–4 s pass and 43 MB of heap for 214,000
 * mentions nobody could read through, and 1 MB about 0.5 s. At this size the
 * pass is about 1.5 s of sliced work; past it, the index stops as soon as
 * the text is longer (the rest of the page is never walked).
 */
export const MAX_TEXT_CHARS = 3_000_000;

/** Characters lower-cased at a time: toLowerCase of 10 MB is one long native call. */
const LOWERCASE_CHARS = 262_144;

export interface AnnotateOptions {
  isCancelled?: () => boolean;
  /** Mentions the reader has said are not this entity ("Not this"): not highlighted. */
  isRejected?: (mention: MentionOnPage) => boolean;
  budgetMs?: number;
  /** See MAX_TEXT_CHARS (tests set a small one). */
  maxTextChars?: number;
}

/** lowerCaseSameLength in pieces, never splitting a surrogate pair (whose case maps as one character). */
function* lowerCaseSteps(text: string): Generator<void, string> {
  if (text.length <= LOWERCASE_CHARS) return lowerCaseSameLength(text);
  const parts: string[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + LOWERCASE_CHARS);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++;
    parts.push(lowerCaseSameLength(text.slice(from, to)));
    from = to;
    yield;
  }
  return parts.join('');
}

/** An annotation whose DOM Range is made on first use (a class, so 10,000 of them stay cheap). */
class Placed {
  private cached: Range | null | undefined;

  constructor(
    private readonly index: TextIndex,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range | null {
    if (this.cached === undefined) {
      try {
        this.cached = this.index.toRange(this.start, this.end);
      } catch {
        // The text changed since indexing (a re-annotation is on its way).
        this.cached = null;
      }
    }
    return this.cached;
  }
}

class PlacedMention extends Placed implements PlacedEntity {
  constructor(index: TextIndex, readonly entity: Entity, start: number, end: number, readonly reason: LinkReason) {
    super(index, start, end);
  }

  get kind(): 'entity' {
    return 'entity';
  }

  get id(): string {
    return this.entity.id;
  }
}

class PlacedPassage extends Placed implements PlacedNote {
  constructor(index: TextIndex, readonly note: Note, start: number, end: number) {
    super(index, start, end);
  }

  get kind(): 'note' {
    return 'note';
  }

  get id(): string {
    return this.note.id;
  }
}

/** Merges two lists sorted by start; at equal starts a note comes first (it encloses the mention). */
function mergeByStart(notes: PlacedNote[], mentions: PlacedEntity[]): PlacedAnnotation[] {
  if (notes.length === 0) return mentions.slice();
  const out: PlacedAnnotation[] = [];
  let i = 0;
  let j = 0;
  while (i < notes.length || j < mentions.length) {
    if (j >= mentions.length || (i < notes.length && notes[i].start <= mentions[j].start)) out.push(notes[i++]);
    else out.push(mentions[j++]);
  }
  return out;
}

export async function annotatePage(
  page: AnnotatedPage,
  set: AnnotationSet,
  /** `set`'s surface forms compiled (compileEntityForms; the build ships the bundled set's). */
  formIndex: EntityFormIndex,
  settings: Settings,
  options: AnnotateOptions = {},
): Promise<AnnotationResult | null> {
  const slicer = new TimeSlicer(options.budgetMs ?? SLICE_MS, options.isCancelled);
  const maxTextChars = options.maxTextChars ?? MAX_TEXT_CHARS;
  const index = await slicer.run(textIndexSteps(page.root, { maxChars: maxTextChars }), null);
  if (!index) return null;
  const { text } = index;
  if (index.truncated) {
    return { page, index, mentions: [], mentionCounts: new Map(), notes: [], orphans: [], ordered: [], tooLong: { textChars: text.length, maxTextChars } };
  }

  const matcher = entityMatcher(set.entities, formIndex, page.date, (entity) => settings.entityTypes.includes(entity.type));
  const lowered = await slicer.run(lowerCaseSteps(text), null);
  if (lowered === null) return null;
  const raw: RawMention[] = [];
  const addMention = (start: number, end: number, ref: FormRef): void => {
    raw.push({ start, end, ref });
  };
  for (let from = 0; from < text.length; ) {
    if (!(await slicer.checkpoint())) return null;
    from = matcher.forEachMatch(text, from, Math.min(text.length, from + CHUNK_CHARS), lowered, addMention);
  }
  // Made only when a short form matched: most pages of most sets need no senses.
  const senses = raw.some((m) => m.ref.form.kind === 'short')
    ? shortSenses(set.entities, (entity, form) => settings.entityTypes.includes(entity.type) && formApplies(form, page.date))
    : new Map();
  const found: PlacedEntity[] = [];
  const mentionCounts = new Map<Entity, number>();
  for (const m of resolveMentions(raw, text, page.date, senses)) {
    if (options.isRejected?.({ entityId: m.entity.id, words: text.slice(m.start, m.end), before: contextOf(text, m.start, m.end).before })) continue;
    mentionCounts.set(m.entity, (mentionCounts.get(m.entity) ?? 0) + 1);
    found.push(new PlacedMention(index, m.entity, m.start, m.end, m.reason));
  }
  const mentions = settings.mentionMode === 'first' ? firstOfEach(found, (m) => m.id) : found;

  const notes: PlacedNote[] = [];
  const orphans: Orphan[] = [];
  if (page.kind === 'article') {
    const byId = new Map<string, Note>(set.notes.map((n) => [n.id, n]));
    for (const noteId of page.article.notes) {
      if (!(await slicer.checkpoint())) return null;
      const note = byId.get(noteId);
      if (!note) continue;
      let reason = 'no target on this article';
      const before = notes.length;
      for (const target of note.targets.filter((t) => t.source === page.article.url)) {
        const result = await slicer.run(anchorSteps(index, target.selector), null);
        if (!result) return null;
        if (result.status === 'orphan') reason = result.reason;
        else notes.push(new PlacedPassage(index, note, result.start, result.end));
      }
      if (notes.length === before) orphans.push({ noteId: note.id, reason });
    }
    notes.sort((a, b) => a.start - b.start);
  }

  return { page, index, mentions, mentionCounts, notes, orphans, ordered: mergeByStart(notes, mentions) };
}

/** The annotation at a text offset: an entity mention first, else a note passage. */
export function annotationAtOffset(result: AnnotationResult, offset: number): PlacedAnnotation | null {
  const { mentions } = result;
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset >= m.end) lo = mid + 1;
    else return m;
  }
  return result.notes.find((n) => offset >= n.start && offset < n.end) ?? null;
}
