/** Entity mentions in a text: which entity, where. */
import type { Entity } from '../annotations/types';
import { compileEntityForms, entityMatcher, type FormRef } from './entity-forms';
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

export function findMentions(text: string, matcher: SurfaceFormMatcher<FormRef>): Mention[] {
  return findAllMatches(matcher, text).map((m) => ({ entityId: m.value.entity.id, start: m.start, end: m.end }));
}
