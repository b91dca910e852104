/**
 * Everything Backstory works out from an article's text alone: which entities
 * it mentions (matched, then resolved against the rest of the page) and where
 * the article's notes are anchored. It runs in the background, on the text
 * the content script sends (docs/decisions/0031-matching-in-the-background.md),
 * so the page never loads the annotation set; tests and the data check run the
 * same steps in place.
 */
import { anchorSteps } from '../anchoring/anchor';
import type { AnnotationSet, Article, EntityType } from '../annotations/types';
import { formApplies } from '../mentions/active-forms';
import { entityMatcher, type EntityFormIndex, type FormRef } from '../mentions/entity-forms';
import { type LinkReason, type RawMention, resolveMentions, shortSenses } from '../mentions/resolve-mentions';
import { textOnly } from '../text/indexed-text';
import { lowerCaseSameLength } from '../text/word-chars';
import { type AnalysedMention, type MentionList, packMentions } from './mention-list';
import { pageRefs, type PageRefs } from './page-records';

export type { AnalysedMention, MentionList };

export interface AnalyseRequest {
  /** The article's rendered, normalised text (lib/content/text-index.ts). */
  text: string;
  /** The page's publication date (YYYY-MM-DD), or null when it states none. */
  pageDate: string | null;
  /** The annotated article this page is, if it is one: its notes are anchored. */
  articleId: string | null;
  /** Entity types the reader shows. */
  entityTypes: readonly EntityType[];
}

export interface AnalysedPassage {
  noteId: string;
  start: number;
  end: number;
}

export interface Orphan {
  noteId: string;
  reason: string;
}

export interface Analysis {
  /** Entity mentions in text order (packed: mention-list.ts). */
  mentions: MentionList;
  /** Placed note passages in text order. */
  notes: AnalysedPassage[];
  /** The article's notes that could not be placed, each with its reason. */
  orphans: Orphan[];
  /** What those refer to, by name: the entities found and the article's notes (cards ask for the rest). */
  refs: PageRefs;
}

/**
 * Past this much article text Backstory annotates nothing and says so
 * (the popup reads `tooLong` from the page report); the background refuses
 * longer text. An annotated article is 4 KB of text and a very long one
 * 100 KB; 3 million characters is a 500,000-word book. Measured here (2
 * shared cores) before the cut-off: a 10 MB page took a 3–4 s pass and 43 MB
 * of heap for 214,000 mentions nobody could read through.
 */
export const MAX_TEXT_CHARS = 3_000_000;

/** Characters matched between steps. */
const CHUNK_CHARS = 20_000;
/** Characters lower-cased per step: toLowerCase of 3 MB is one long native call. */
const LOWERCASE_CHARS = 262_144;

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

/** The article a request names, if the set has it. */
function requestedArticle(set: AnnotationSet, articleId: string | null): Article | undefined {
  return articleId === null ? undefined : set.articles.find((a) => a.id === articleId);
}

/** The analysis in steps (a caller on a page yields between them; the background runs them through). */
export function* analyseSteps(set: AnnotationSet, formIndex: EntityFormIndex, request: AnalyseRequest): Generator<void, Analysis> {
  const { text, pageDate } = request;
  const shown = (type: EntityType): boolean => request.entityTypes.includes(type);
  const matcher = entityMatcher(set.entities, formIndex, pageDate, (entity) => shown(entity.type));
  const lowered = yield* lowerCaseSteps(text);
  const raw: RawMention[] = [];
  const addMention = (start: number, end: number, ref: FormRef): void => {
    raw.push({ start, end, ref });
  };
  for (let from = 0; from < text.length; ) {
    from = matcher.forEachMatch(text, from, Math.min(text.length, from + CHUNK_CHARS), lowered, addMention);
    yield;
  }
  // Made only when a short form matched: most pages of most sets need no senses.
  const senses = raw.some((m) => m.ref.form.kind === 'short')
    ? shortSenses(set.entities, (entity, form) => shown(entity.type) && formApplies(form, pageDate))
    : new Map();
  const mentions: AnalysedMention[] = resolveMentions(raw, text, pageDate, senses).map((m) => ({
    start: m.start,
    end: m.end,
    entityId: m.entity.id,
    reason: m.reason,
  }));

  const notes: AnalysedPassage[] = [];
  const orphans: Orphan[] = [];
  const article = requestedArticle(set, request.articleId);
  if (article) {
    const indexed = textOnly(text);
    const byId = new Map(set.notes.map((n) => [n.id, n]));
    for (const noteId of article.notes) {
      const note = byId.get(noteId);
      if (!note) continue;
      let reason = 'no target on this article';
      const before = notes.length;
      for (const target of note.targets.filter((t) => t.source === article.url)) {
        const result = yield* anchorSteps(indexed, target.selector);
        if (result.status === 'orphan') reason = result.reason;
        else notes.push({ noteId: note.id, start: result.start, end: result.end });
      }
      if (notes.length === before) orphans.push({ noteId: note.id, reason });
      yield;
    }
    notes.sort((a, b) => a.start - b.start);
  }
  return { mentions: packMentions(mentions), notes, orphans, refs: pageRefs(set, new Set(mentions.map((m) => m.entityId)), article) };
}
