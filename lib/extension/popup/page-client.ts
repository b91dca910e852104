/**
 * The popup's view of the active tab, asked of the tab's content script.
 * Without the `tabs` permission the popup may still query the active tab's
 * id and message it; the content script only exists on the publisher's
 * pages, so no answer means "not a page Backstory works on" (or, on the
 * publisher's own host, "loaded before Backstory: reload").
 */
import { browser } from 'wxt/browser';
import { isPageReport, parseContentRequest, type PageReport, type RevealTarget } from '../../shared/messages';
import { isPublisherHost } from '../../shared/publisher';

export type TabState =
  | { kind: 'report'; tabId: number; report: PageReport }
  | { kind: 'unsupported' }
  | { kind: 'not-responding' };

/** How long the popup waits for the content script before saying it is not answering. */
export const REPORT_TIMEOUT_MS = 1500;

/** What the popup reads of the active tab (without the `tabs` permission the URL is there only on the publisher's hosts). */
export type ActiveTab = { id?: number; url?: string } | undefined;

/** The tab the popup was opened over (its id, and its URL on the publisher's hosts). */
export async function activeTab(): Promise<ActiveTab> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
}

function isPublisherUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return isPublisherHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export async function getTabState(timeoutMs = REPORT_TIMEOUT_MS, asked: Promise<ActiveTab> = activeTab()): Promise<TabState> {
  const tab = await asked.catch(() => undefined);
  if (tab?.id === undefined) return { kind: 'unsupported' };
  try {
    const answer = await withTimeout(browser.tabs.sendMessage(tab.id, { type: 'backstory:get-report' }) as Promise<unknown>, timeoutMs);
    if (answer === 'timeout') return { kind: 'not-responding' };
    // Checked like any message received: a malformed answer is no answer.
    if (isPageReport(answer)) return { kind: 'report', tabId: tab.id, report: answer };
  } catch {
    // No receiving end: no content script in this tab.
  }
  return isPublisherUrl(tab.url) ? { kind: 'not-responding' } : { kind: 'unsupported' };
}

export async function revealOnPage(tabId: number, target: RevealTarget): Promise<boolean> {
  // The content script's schema, checked before sending: it would refuse anything else.
  const parsed = parseContentRequest({ type: 'backstory:reveal', target });
  if (!parsed.ok) return false;
  try {
    return (await browser.tabs.sendMessage(tabId, parsed.message)) === true;
  } catch {
    return false;
  }
}
