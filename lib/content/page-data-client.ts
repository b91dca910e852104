/**
 * The content script's side of the annotation set: questions to the
 * background, which holds the set (docs/decisions/0031-matching-in-the-background.md).
 * Answers are checked before use; a missing or malformed one reads as "no
 * article" / "no analysis", so the page shows nothing rather than a guess.
 */
import { MAX_TEXT_CHARS, type AnalyseRequest, type Analysis } from '../shared/analysis/analyse-text';
import { ONE_MESSAGE_CHARS, splitText, type TextPartsRef } from '../shared/analysis/text-parts';
import type { ArticleLookup, PageDataSource } from '../shared/analysis/page-data';
import { isMentionList } from '../shared/analysis/mention-list';
import { isPageRecords } from '../shared/analysis/page-records';
import { askBackground, isRecord, type PageRequest, parsePageRequest } from '../shared/messages';
import { yieldToPage } from './yield-to-main';

export type SendToBackground = (message: PageRequest) => Promise<unknown>;

function isArticleLookup(value: unknown): value is ArticleLookup {
  return isRecord(value) && typeof value.checkedTo === 'string' && (value.article === null || isRecord(value.article));
}

function isAnalysis(value: unknown): value is Analysis {
  if (!isRecord(value) || !isRecord(value.refs)) return false;
  const { mentions, notes, orphans, refs } = value;
  return isMentionList(mentions) && Array.isArray(notes) && Array.isArray(orphans) && Array.isArray(refs.entities) && Array.isArray(refs.notes);
}

const checked = (answer: unknown): Analysis | null => (isAnalysis(answer) ? answer : null);

/**
 * Would the background answer `a` and `b` alike? (The set it holds does not
 * change under a page.) Types listed in another order count as different:
 * one question more, never a wrong answer.
 */
function sameRequest(a: AnalyseRequest, b: AnalyseRequest): boolean {
  return a.text === b.text && a.pageDate === b.pageDate && a.articleId === b.articleId && a.entityTypes.join() === b.entityTypes.join();
}

export function messagePageData(send: SendToBackground): PageDataSource {
  let sessions = 0;
  const ask = (message: PageRequest) => askBackground(send, message, parsePageRequest);
  // The last answer, kept for the same question: a page that renders the same
  // words again in fresh nodes (a framework's re-render or hydration) or a
  // setting that changes only what is shown asks the background nothing. The
  // round trip was most of a re-render's cost: highlights back 56 against 46 ms,
  // busy 8.0 against 5.7 ms for the build of 27 November, which matched in the
  // page (docs/performance-log.md, 2 December 2026).
  let last: { request: AnalyseRequest; analysis: Analysis } | null = null;
  const analyseAnew = async (request: AnalyseRequest): Promise<Analysis | null> => {
    const { text } = request;
    // The background refuses it whole; no piece of it is sent either.
    if (text.length > MAX_TEXT_CHARS) return null;
    if (text.length <= ONE_MESSAGE_CHARS) return checked(await ask({ type: 'backstory:analyse', request }));
    // A long text goes in pieces, each in a task of its own (text-parts.ts says why).
    const textParts: TextPartsRef = { session: `${Date.now().toString(36)}-${(++sessions).toString(36)}`, count: 0 };
    const sent: Promise<unknown>[] = [];
    for (const part of splitText(text)) {
      sent.push(ask({ type: 'backstory:text-part', session: textParts.session, part: textParts.count++, text: part }));
      await yieldToPage();
    }
    if ((await Promise.all(sent)).some((answer) => answer !== true)) return null;
    return checked(await ask({ type: 'backstory:analyse', request: { ...request, text: '' }, textParts }));
  };
  return {
    async article({ hostname, pathname }) {
      const answer = await ask({ type: 'backstory:article', hostname, pathname });
      return isArticleLookup(answer) ? answer : { article: null, checkedTo: '' };
    },
    async analyse(request: AnalyseRequest) {
      if (last && sameRequest(last.request, request)) return last.analysis;
      const analysis = await analyseAnew(request);
      if (analysis) last = { request: { ...request, entityTypes: [...request.entityTypes] }, analysis };
      return analysis;
    },
    async records(entityIds, noteIds) {
      const answer = await ask({ type: 'backstory:records', entityIds: [...entityIds], noteIds: [...noteIds] });
      return isPageRecords(answer) ? answer : null;
    },
  };
}
