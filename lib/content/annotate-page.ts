/**
 * One annotation pass over a detected page: index the article's text, find
 * entity mentions, anchor the article's notes, and turn both into Ranges.
 * Long texts are worked through in time slices so the page stays responsive.
 */
import { anchor } from '../anchoring/anchor';
import type { AnnotationSet, Note } from '../annotations/types';
import { firstMentions, type Mention } from '../mentions/find-mentions';
import { activePatterns } from '../mentions/active-forms';
import { SurfaceFormMatcher } from '../mentions/surface-form-matcher';
import type { DetectedPage } from '../page/detect-page';
import type { Settings } from '../settings';
import { buildTextIndex, type TextIndex } from '../text/text-index';
import { lowerCaseSameLength } from '../text/word-chars';
import { TimeSlicer } from './yield-to-main';

export type AnnotatedPage = Extract<DetectedPage, { kind: 'article' | 'other-article' }>;

export interface PlacedAnnotation {
  kind: 'entity' | 'note';
  id: string;
  start: number;
  end: number;
  range: Range;
}

export interface Orphan {
  noteId: string;
  reason: string;
}

export interface AnnotationResult {
  page: AnnotatedPage;
  index: TextIndex;
  /** Entity mentions shown (after the first-mention setting). */
  mentions: PlacedAnnotation[];
  /** Mentions per entity id on the page, whatever the setting. */
  mentionCounts: Map<string, number>;
  notes: PlacedAnnotation[];
  orphans: Orphan[];
  /** Notes and mentions in text order: the keyboard's path through the page. */
  ordered: PlacedAnnotation[];
}

const CHUNK_CHARS = 20_000;

export interface AnnotateOptions {
  isCancelled?: () => boolean;
  budgetMs?: number;
}

export async function annotatePage(
  page: AnnotatedPage,
  set: AnnotationSet,
  settings: Settings,
  options: AnnotateOptions = {},
): Promise<AnnotationResult | null> {
  const slicer = new TimeSlicer(options.budgetMs ?? 8, options.isCancelled);
  const index = buildTextIndex(page.root);
  const { text } = index;
  if (!(await slicer.checkpoint())) return null;

  const entities = set.entities.filter((e) => settings.entityTypes.includes(e.type));
  const matcher = new SurfaceFormMatcher(activePatterns(entities, page.date));
  const lowered = lowerCaseSameLength(text);
  const found: Mention[] = [];
  for (let from = 0; from < text.length; ) {
    const to = Math.min(text.length, from + CHUNK_CHARS);
    const chunk = matcher.findAll(text, from, to, lowered);
    for (const m of chunk) found.push({ entityId: m.value.entity.id, start: m.start, end: m.end });
    from = Math.max(to, chunk.length ? chunk[chunk.length - 1].end : to);
    if (!(await slicer.checkpoint())) return null;
  }
  const mentionCounts = new Map<string, number>();
  for (const m of found) mentionCounts.set(m.entityId, (mentionCounts.get(m.entityId) ?? 0) + 1);
  const shown = settings.mentionMode === 'first' ? firstMentions(found) : found;

  const mentions: PlacedAnnotation[] = [];
  for (let i = 0; i < shown.length; i++) {
    const m = shown[i];
    const range = index.toRange(m.start, m.end);
    if (range) mentions.push({ kind: 'entity', id: m.entityId, start: m.start, end: m.end, range });
    if (i % 500 === 499 && !(await slicer.checkpoint())) return null;
  }

  const notes: PlacedAnnotation[] = [];
  const orphans: Orphan[] = [];
  if (page.kind === 'article') {
    const byId = new Map<string, Note>(set.notes.map((n) => [n.id, n]));
    for (const noteId of page.article.notes) {
      const note = byId.get(noteId);
      if (!note) continue;
      const targets = note.targets.filter((t) => t.source === page.article.url);
      let placed = false;
      let reason = 'no target on this article';
      for (const target of targets) {
        const result = anchor(index, target.selector);
        if (result.status === 'orphan') {
          reason = result.reason;
          continue;
        }
        const range = index.toRange(result.start, result.end);
        if (!range) continue;
        notes.push({ kind: 'note', id: note.id, start: result.start, end: result.end, range });
        placed = true;
      }
      if (!placed) orphans.push({ noteId: note.id, reason });
      if (!(await slicer.checkpoint())) return null;
    }
  }

  const ordered = [...notes, ...mentions].sort((a, b) => a.start - b.start || (a.kind === 'note' ? -1 : 1));
  return { page, index, mentions, mentionCounts, notes, orphans, ordered };
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
