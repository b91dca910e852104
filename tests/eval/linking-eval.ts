/**
 * Scores the entity linker against the hand-labelled evaluation set
 * (tests/eval/linking-set.json, issue #14): original sentences in the style
 * of the site's 2024-2026 coverage, every mention of a known entity labelled,
 * traps labelled `entity: null` (the linker must not link them).
 *
 * A produced link is right when it overlaps a label of the same entity; it
 * is a false positive when it overlaps a label of another entity, a trap
 * labelled null, or no label at all. Recall counts the labels with an
 * entity that some right link overlaps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationSet } from '../../lib/shared/annotations/types';
import { linkMentions } from '../../lib/shared/mentions/find-mentions';

export interface LabelledSpan {
  text: string;
  nth: number;
  entity: string | null;
  trap?: string;
}

export interface EvalPage {
  id: string;
  date: string;
  headline: string;
  paragraphs: string[];
  spans: LabelledSpan[];
}

export interface EvalSet {
  description: string;
  pages: EvalPage[];
}

export interface LinkError {
  page: string;
  date: string;
  kind: string;
  /** The words, with a little context. */
  words: string;
  expected: string | null;
  got: string | null;
}

export interface Score {
  links: number;
  correctLinks: number;
  positives: number;
  found: number;
  precision: number;
  recall: number;
  errors: LinkError[];
}

export const EVAL_SET_PATH = join(import.meta.dirname, 'linking-set.json');
/** Pages dated after Ali Khamenei was killed: the part where dated forms went wrong. */
export const AFTER_2026_02_28 = (page: EvalPage) => page.date > '2026-02-28';

export function loadEvalSet(path = EVAL_SET_PATH): EvalSet {
  return JSON.parse(readFileSync(path, 'utf8')) as EvalSet;
}

export function pageText(page: EvalPage): string {
  return [page.headline, ...page.paragraphs].join('\n\n');
}

/** Where the nth occurrence of a label's text starts, or -1. */
export function labelStart(text: string, span: LabelledSpan): number {
  let at = -1;
  for (let k = 0; k < span.nth; k++) {
    at = text.indexOf(span.text, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

const context = (text: string, start: number, end: number) =>
  `${text.slice(Math.max(0, start - 24), start)}[${text.slice(start, end)}]${text.slice(end, end + 24)}`.replace(/\s+/g, ' ');

export function scorePages(set: AnnotationSet, pages: readonly EvalPage[]): Score {
  let links = 0;
  let correctLinks = 0;
  let positives = 0;
  let found = 0;
  const errors: LinkError[] = [];
  for (const page of pages) {
    const text = pageText(page);
    const labels = page.spans.map((span) => {
      const start = labelStart(text, span);
      if (start < 0) throw new Error(`${page.id}: label "${span.text}" #${span.nth} is not in the page text`);
      return { ...span, start, end: start + span.text.length, hit: false };
    });
    for (const link of linkMentions(text, set, page.date)) {
      links++;
      const overlapping = labels.filter((l) => l.start < link.end && link.start < l.end);
      const right = overlapping.find((l) => l.entity === link.entity.id);
      if (right) {
        correctLinks++;
        right.hit = true;
        continue;
      }
      const label = overlapping[0];
      errors.push({
        page: page.id,
        date: page.date,
        kind: `false link: ${label ? (label.trap ?? (label.entity ? 'other-entity' : 'null')) : 'unlabelled'}`,
        words: context(text, link.start, link.end),
        expected: label?.entity ?? null,
        got: link.entity.id,
      });
    }
    for (const label of labels) {
      if (!label.entity) continue;
      positives++;
      if (label.hit) found++;
      else {
        errors.push({ page: page.id, date: page.date, kind: `missed: ${label.trap ?? 'plain'}`, words: context(text, label.start, label.end), expected: label.entity, got: null });
      }
    }
  }
  return { links, correctLinks, positives, found, precision: links ? correctLinks / links : 1, recall: positives ? found / positives : 1, errors };
}

/** Error counts by kind, most first. */
export function errorsByKind(errors: readonly LinkError[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
