/**
 * Requests Backstory's own pages (full-tab timeline, print) send to the
 * article's tab, named by id: those pages are not the active tab's popup,
 * so page-client's active-tab lookup does not apply.
 */
import { browser } from 'wxt/browser';
import type { ContentRequest, PageReport } from '../../shared/messages';
import { isArticleText, type ArticleText } from '../../shared/article-text';

async function ask(tabId: number, request: ContentRequest): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, request);
  } catch {
    // No receiving end: the tab was closed, navigated away or reloaded without Backstory.
    return undefined;
  }
}

export async function requestReport(tabId: number): Promise<PageReport | null> {
  const answer = await ask(tabId, { type: 'backstory:get-report' });
  return answer && typeof answer === 'object' && 'status' in answer && Array.isArray((answer as PageReport).entities)
    ? (answer as PageReport)
    : null;
}

/** The article's text as the page shows it, checked here: a malformed answer is no answer. */
export async function requestArticleText(tabId: number): Promise<ArticleText | null> {
  const answer = await ask(tabId, { type: 'backstory:get-article-text' });
  return isArticleText(answer) ? answer : null;
}

/** Brings the article's tab to the front (no `tabs` permission needed to activate a tab by id). */
export async function showTab(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
}
