/** Entity mentions in a text: which entity, where. */
import type { AnnotationSet, Entity } from '../annotations/types';
import { formApplies } from './active-forms';
import { compileEntityForms, entityMatcher, type FormRef } from './entity-forms';
import { straightenQuotes } from '../text/normalize';
import { type LinkedMention, resolveMentions, shortSenses } from './resolve-mentions';
import { findAllMatches, type SurfaceFormMatcher } from './surface-form-matcher';

export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

export function createMentionMatcher(entities: readonly Entity[], pageDate: string | null): SurfaceFormMatcher<FormRef> {
  return entityMatcher(entities, compileEntityForms(entities), pageDate);
}

/** Keeps the first of each key, in order (the first mention of each entity). */
export function firstOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && (seen.add(key(item)), true));
}

/** Raw matches as mentions, before resolution (every form's match, blocks and short forms included). */
export function findMentions(text: string, matcher: SurfaceFormMatcher<FormRef>): Mention[] {
  return findAllMatches(matcher, text).map((m) => ({ entityId: m.value.entity.id, start: m.start, end: m.end }));
}

/**
 * Every linked mention in a plain text, as the content script links them:
 * one matching pass, then resolution (the eval, the data check and tests).
 */
export function linkMentions(rawText: string, set: Pick<AnnotationSet, 'entities'>, pageDate: string | null): LinkedMention[] {
  // The page's text index straightens quotes; this keeps offsets (one code unit for one).
  const text = straightenQuotes(rawText);
  const matcher = createMentionMatcher(set.entities, pageDate);
  const raw = findAllMatches(matcher, text).map((m) => ({ start: m.start, end: m.end, ref: m.value }));
  return resolveMentions(raw, text, pageDate, shortSenses(set.entities, (_entity, form) => formApplies(form, pageDate)));
}
