/**
 * Opens one of Backstory's own pages (the full-tab timeline, the print page)
 * for the article's tab. The tab id travels in the address: those pages ask
 * that tab's content script for what is on the page, as the popup does.
 */
import { browser } from 'wxt/browser';

export type ExtensionPage = 'timeline' | 'print';

export function extensionPageUrl(page: ExtensionPage, tabId: number): string {
  // The generated PublicPath union does not list unlisted pages before the first build.
  return `${browser.runtime.getURL(`/${page}.html` as never)}?tab=${tabId}`;
}

export async function openExtensionPage(page: ExtensionPage, tabId: number): Promise<void> {
  await browser.tabs.create({ url: extensionPageUrl(page, tabId) });
}

/** The article tab's id from a page's address, or null. */
export function tabIdFromLocation(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}
