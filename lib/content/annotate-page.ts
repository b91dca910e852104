/**
 * One annotation pass over a detected page: index the article's text, have
 * it analysed (entity mentions and note anchors, worked out by the background
 * from the text alone: docs/decisions/0031-matching-in-the-background.md) and
 * turn the answer into placed annotations. Long texts are indexed and placed
 * in time slices so the page stays responsive. DOM Ranges are made only when
 * something needs one (a highlight on screen, a hit test, a card): a live
 * Range costs time to make and slows the page's own DOM changes.
 */
import { contextOf, type MentionOnPage } from '../shared/corrections';
import { MAX_TEXT_CHARS, type Orphan } from '../shared/analysis/analyse-text';
import type { PageDataSource } from '../shared/analysis/page-data';
import { MENTION_FIELDS, mentionCount } from '../shared/analysis/mention-list';
import type { EntityRef, NoteRef, PageRefs } from '../shared/analysis/page-records';
import { firstOfEach } from '../shared/mentions/find-mentions';
import type { LinkReason } from '../shared/mentions/resolve-mentions';
import type { DetectedPage } from './page/detect-page';
import type { Settings } from '../shared/settings';
import type { TooLong } from '../shared/messages';
import { textIndexSteps, type TextIndex } from './text-index';
import { SLICE_MS, TimeSlicer } from './yield-to-main';

export { MAX_TEXT_CHARS, type Orphan };

/**
 * The longest text node Backstory annotates, in characters. A page with a
 * longer one is not annotated, and the popup says why (as for a text over
 * MAX_TEXT_CHARS). Chromium repaints a whole text node, every line of it,
 * when a highlight in it changes: on the red-team review's single 2 MB text
 * node each such frame took 130-230 ms (PrePaint and Paint), the page's
 * longest tasks and a pointer waiting 115 ms, however little Backstory's own
 * script did; Firefox held the page's timers 271 ms repainting it. The cost
 * grows with the node's length, so 100,000 characters (about 15,000 words in
 * one unbroken text node; an article's paragraphs are a few hundred) keeps
 * such a frame to a few milliseconds.
 */
export const MAX_NODE_CHARS = 100_000;

export type AnnotatedPage = Extract<DetectedPage, { kind: 'article' | 'other-article' }>;

interface Placement {
  /** The entity's or note's id. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The DOM Range over the text, made on first use; null if the page changed under it. */
  readonly range: Range | null;
}

/** An entity mention, with its entity (by name: its card's record comes when the card opens) and why it was linked. */
export interface PlacedEntity extends Placement {
  readonly kind: 'entity';
  readonly entity: EntityRef;
  readonly reason: LinkReason;
}

/** A passage of a background note. */
export interface PlacedNote extends Placement {
  readonly kind: 'note';
  readonly note: NoteRef;
}

export type PlacedAnnotation = PlacedEntity | PlacedNote;


export interface AnnotationResult {
  page: AnnotatedPage;
  index: TextIndex;
  /** Entity mentions shown (after the first-mention setting), in text order. */
  mentions: PlacedEntity[];
  /** Mentions per entity on the page, whatever the setting. */
  mentionCounts: Map<EntityRef, number>;
  /** Placed note passages, in text order. */
  notes: PlacedNote[];
  orphans: Orphan[];
  /** Notes and mentions in text order: the keyboard's path through the page. */
  ordered: PlacedAnnotation[];
  /** What the annotations refer to: the page's entities and its article's notes, by name. */
  refs: PageRefs;
  /** Set when the page was too long to annotate: nothing is placed, and the popup says why. */
  tooLong?: TooLong;
}

export interface AnnotateOptions {
  isCancelled?: () => boolean;
  /** Mentions the reader has said are not this entity ("Not this"): not highlighted. */
  isRejected?: (mention: MentionOnPage) => boolean;
  budgetMs?: number;
  /** See MAX_TEXT_CHARS (tests set a small one). */
  maxTextChars?: number;
  /** See MAX_NODE_CHARS (tests set a small one). */
  maxNodeChars?: number;
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
  constructor(index: TextIndex, readonly entity: EntityRef, start: number, end: number, readonly reason: LinkReason) {
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
  constructor(index: TextIndex, readonly note: NoteRef, start: number, end: number) {
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

/** Placed mentions made between checks of the time slice. */
const PLACE_BATCH = 500;

const NO_REFS: PageRefs = { entities: [], notes: [] };

export async function annotatePage(
  page: AnnotatedPage,
  data: PageDataSource,
  settings: Settings,
  options: AnnotateOptions = {},
): Promise<AnnotationResult | null> {
  const slicer = new TimeSlicer(options.budgetMs ?? SLICE_MS, options.isCancelled);
  const maxTextChars = options.maxTextChars ?? MAX_TEXT_CHARS;
  const maxNodeChars = options.maxNodeChars ?? MAX_NODE_CHARS;
  const index = await slicer.run(textIndexSteps(page.root, { maxChars: maxTextChars, maxNodeChars }), null);
  if (!index) return null;
  const empty = { page, index, mentions: [], mentionCounts: new Map(), notes: [], orphans: [], ordered: [], refs: NO_REFS };
  if (index.truncated) {
    const longNode = index.longNodeChars === undefined ? {} : { nodeChars: index.longNodeChars, maxNodeChars };
    return { ...empty, tooLong: { textChars: index.textChars, maxTextChars, ...longNode } };
  }
  const { text } = index;

  const analysis = await data.analyse({
    text,
    pageDate: page.date,
    articleId: page.kind === 'article' ? page.article.id : null,
    entityTypes: settings.entityTypes,
  });
  if (options.isCancelled?.()) return null;
  if (!analysis) return empty;
  const { refs } = analysis;
  const { entityIds, reasons, packed } = analysis.mentions;
  // Per entity named in the list, its place in refs (-1 if refs do not name it): the loop
  // below then makes one object per mention (a long page has tens of thousands), no lookups.
  const refIndex = new Map(refs.entities.map((e, i) => [e.id, i]));
  const refOf = entityIds.map((id) => refIndex.get(id) ?? -1);
  const counts = new Int32Array(refs.entities.length);
  const firstMentioned: number[] = [];
  const found: PlacedEntity[] = [];
  const count = mentionCount(analysis.mentions);
  for (let i = 0; i < count; i++) {
    if (i % PLACE_BATCH === PLACE_BATCH - 1 && !(await slicer.checkpoint())) return null;
    const at = i * MENTION_FIELDS;
    const r = refOf[packed[at + 2]];
    if (r === undefined || r < 0) continue;
    const entity = refs.entities[r];
    const start = packed[at];
    const end = packed[at + 1];
    if (options.isRejected?.({ entityId: entity.id, words: text.slice(start, end), before: contextOf(text, start, end).before })) continue;
    if (counts[r]++ === 0) firstMentioned.push(r);
    found.push(new PlacedMention(index, entity, start, end, reasons[packed[at + 3]]));
  }
  // In the order of each entity's first mention.
  const mentionCounts = new Map<EntityRef, number>(firstMentioned.map((r) => [refs.entities[r], counts[r]]));
  const mentions = settings.mentionMode === 'first' ? firstOfEach(found, (m) => m.id) : found;
  const notesById = new Map<string, NoteRef>(refs.notes.map((n) => [n.id, n]));
  const notes = analysis.notes.flatMap((p) => {
    const note = notesById.get(p.noteId);
    return note ? [new PlacedPassage(index, note, p.start, p.end)] : [];
  });
  return { page, index, mentions, mentionCounts, notes, orphans: analysis.orphans, ordered: mergeByStart(notes, mentions), refs };
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
