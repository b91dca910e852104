/**
 * The background's answers. It holds the annotation set (annotation-data.js)
 * and answers the content script's questions about it, and the timeline the
 * popup and Backstory's own pages ask for, so no page loads the set
 * (docs/decisions/0031-matching-in-the-background.md); it also sets the
 * toolbar badge for the tab that asks.
 */
import { runToEnd } from '../../shared/anchoring/match-quote';
import { analyseSteps } from '../../shared/analysis/analyse-text';
import { articleLookup } from '../../shared/analysis/page-data';
import { pageRecords } from '../../shared/analysis/page-records';
import { printRecords } from '../print/print-records';
import { withTypedNumbers } from '../../shared/analysis/mention-list';
import type { TextPartStore } from '../../shared/analysis/text-parts';
import type { AnnotationSet } from '../../shared/annotations/types';
import type { EntityFormIndex } from '../../shared/mentions/entity-forms';
import { timelineData } from '../timeline/page-timeline';
import type { FoundByTab } from './found-by-tab';
import { badgeText, type ForTabWant, type MessageError, parseBackgroundRequest } from '../../shared/messages';

export interface BackgroundContext {
  /** The bundled set, or null when annotation-data.js did not load. */
  set: (AnnotationSet & { formIndex: EntityFormIndex }) | null;
  setBadge(tabId: number, text: string): Promise<unknown>;
  /** Pieces of long texts, per tab, until their analyse message. */
  textParts: TextPartStore;
  /** What each tab's page last said it found, for the popup's early timeline request. */
  found: FoundByTab;
  /** Messages are structured-cloned (Firefox), so typed arrays arrive as such: see mention-list.ts, withTypedNumbers. */
  typedArrays?: boolean;
}

/** What the extension's pages ask about a page's entities and notes, asked with the ids or for a tab (`backstory:for-tab`). */
const FOR_PAGE_IDS: Record<ForTabWant, (set: AnnotationSet, entityIds: readonly string[], noteIds: readonly string[]) => unknown> = {
  timeline: timelineData,
  'print-records': printRecords,
};

export interface Sender {
  tab?: { id?: number };
}

export async function answerBackgroundRequest(context: BackgroundContext, message: unknown, sender: Sender): Promise<unknown> {
  const parsed = parseBackgroundRequest(message);
  if (!parsed.ok) return parsed.error;
  const request = parsed.message;
  // Asked by the extension's own pages (popup, full-tab timeline, print), which have no tab.
  if (request.type === 'backstory:timeline' || request.type === 'backstory:print-records') {
    if (!context.set) return invalid('the annotation set did not load');
    return FOR_PAGE_IDS[request.type === 'backstory:timeline' ? 'timeline' : 'print-records'](context.set, request.entityIds, request.noteIds);
  }
  if (request.type === 'backstory:for-tab') {
    if (!context.set) return invalid('the annotation set did not load');
    const ids = context.found.get(request.tabId);
    if (!ids) return invalid('that tab has not said what it found');
    return { ...ids, data: FOR_PAGE_IDS[request.want](context.set, ids.entityIds, ids.noteIds) };
  }
  const tabId = sender.tab?.id;
  // Only a content script speaks for a tab; an extension page has none to badge or annotate.
  if (tabId === undefined) return invalid(`${request.type} messages come from a tab`);
  switch (request.type) {
    case 'backstory:badge':
      await context.setBadge(tabId, badgeText(request.count));
      return true;
    case 'backstory:article':
      // A page asks this first: pieces its tab sent before (a page left mid-send) and what it found are stale.
      context.textParts.drop(tabId);
      context.found.drop(tabId);
      if (!context.set) return invalid('the annotation set did not load');
      return articleLookup(context.set, request);
    case 'backstory:found':
      context.found.set(tabId, { entityIds: request.entityIds, noteIds: request.noteIds });
      return true;
    case 'backstory:text-part':
      context.textParts.add(tabId, request);
      return true;
    case 'backstory:analyse': {
      if (!context.set) return invalid('the annotation set did not load');
      const text = request.textParts ? context.textParts.take(tabId, request.textParts) : request.request.text;
      if (text === null) return invalid('analyse text parts are missing or too long');
      const analysis = runToEnd(analyseSteps(context.set, context.set.formIndex, { ...request.request, text }));
      return context.typedArrays ? { ...analysis, mentions: withTypedNumbers(analysis.mentions) } : analysis;
    }
    case 'backstory:records':
      if (!context.set) return invalid('the annotation set did not load');
      return pageRecords(context.set, request.entityIds, request.noteIds);
  }
}

function invalid(reason: string): MessageError {
  return { error: 'invalid-message', reason };
}
