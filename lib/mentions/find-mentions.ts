/** Entity mentions in a text: which entity, where. */
import type { Entity } from '../annotations/types';
import { activePatterns, type FormRef } from './active-forms';
import { SurfaceFormMatcher } from './surface-form-matcher';

export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

export type MentionMode = 'all' | 'first';

export function createMentionMatcher(entities: readonly Entity[], pageDate: string | null): SurfaceFormMatcher<FormRef> {
  return new SurfaceFormMatcher(activePatterns(entities, pageDate));
}

/** Keeps the first mention of each entity (text order). */
export function firstMentions(mentions: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.entityId) && (seen.add(m.entityId), true));
}

export function findMentions(text: string, matcher: SurfaceFormMatcher<FormRef>, mode: MentionMode = 'all'): Mention[] {
  const all = matcher
    .findAll(text)
    .map((m) => ({ entityId: m.value.entity.id, start: m.start, end: m.end }));
  return mode === 'first' ? firstMentions(all) : all;
}
