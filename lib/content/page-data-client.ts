/**
 * The content script's side of the annotation set: questions to the
 * background, which holds the set (docs/decisions/0031-matching-in-the-background.md).
 * Answers are checked before use; a missing or malformed one reads as "no
 * article" / "no analysis", so the page shows nothing rather than a guess.
 */
import type { AnalyseRequest, Analysis } from '../shared/analysis/analyse-text';
import type { ArticleLookup, PageDataSource } from '../shared/analysis/page-data';
import { isMentionList } from '../shared/analysis/mention-list';
import { isPageRecords } from '../shared/analysis/page-records';
import { askBackground, type BackgroundRequest, isRecord } from '../shared/messages';

export type SendToBackground = (message: BackgroundRequest) => Promise<unknown>;

function isArticleLookup(value: unknown): value is ArticleLookup {
  return isRecord(value) && typeof value.checkedTo === 'string' && (value.article === null || isRecord(value.article));
}

function isAnalysis(value: unknown): value is Analysis {
  if (!isRecord(value) || !isRecord(value.refs)) return false;
  const { mentions, notes, orphans, refs } = value;
  return isMentionList(mentions) && Array.isArray(notes) && Array.isArray(orphans) && Array.isArray(refs.entities) && Array.isArray(refs.notes);
}

export function messagePageData(send: SendToBackground): PageDataSource {
  const ask = (message: BackgroundRequest) => askBackground(send, message);
  return {
    async article({ hostname, pathname }) {
      const answer = await ask({ type: 'backstory:article', hostname, pathname });
      return isArticleLookup(answer) ? answer : { article: null, checkedTo: '' };
    },
    async analyse(request: AnalyseRequest) {
      const answer = await ask({ type: 'backstory:analyse', request });
      return isAnalysis(answer) ? answer : null;
    },
    async records(entityIds, noteIds) {
      const answer = await ask({ type: 'backstory:records', entityIds: [...entityIds], noteIds: [...noteIds] });
      return isPageRecords(answer) ? answer : null;
    },
  };
}
