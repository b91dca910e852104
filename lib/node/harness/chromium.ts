/**
 * Debian's Chromium driven by puppeteer-core over CDP, with the MV3 build
 * installed. Host names are mapped in Chromium's own resolver, so pages load
 * from http://www.iranintl.com/... exactly as typed.
 */
import puppeteer, { type Page } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { BrowserSession, type LaunchOptions } from './browser-session';
import { ARTICLE_HOST, MAPPED_HOSTS } from './hosts';
import { CHROMIUM_PATH, VIEWPORT } from './paths';
import { TrafficLog } from './traffic-log';

/** Chromium's extension API, as seen by code evaluated in extension contexts. */
declare const chrome: ExtensionApi;

/** Flags that keep Chromium off the (closed) network and out of first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // Otherwise http://www.iranintl.com is first tried as https (a TLS hello to the fixture server).
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
];

export function hostResolverRules(serverPort: number, catchAllPort?: number): string {
  const mapped = MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${serverPort}`);
  const rest = catchAllPort === undefined ? 'MAP * ~NOTFOUND' : `MAP * 127.0.0.1:${catchAllPort}`;
  return [...mapped, rest].join(', ');
}

export class ChromiumSession extends BrowserSession {
  readonly name = 'chromium' as const;

  url(path: string, host = ARTICLE_HOST): string {
    return `http://${host}${path}`;
  }

  /**
   * Opens the real toolbar popup for `articlePage` (the recipe in the
   * team's testing-in-browsers notes): from an extension page, make the
   * article's tab active, then chrome.action.openPopup(). The article must
   * be the only other tab (without the `tabs` permission the extension
   * cannot read tab URLs to tell tabs apart).
   */
  async openToolbarPopup(articlePage: Page): Promise<Page> {
    await articlePage.bringToFront();
    const helper = await this.newPage('extension page');
    await helper.goto(`chrome-extension://${this.extensionId}/popup.html`);
    const popupTarget = this.browser.waitForTarget(
      (t) => t.type() === 'page' && t.url().endsWith('/popup.html') && t !== helper.target(),
      { timeout: 10_000 },
    );
    await helper.evaluate(async () => {
      const self = await chrome.tabs.getCurrent();
      const others = (await chrome.tabs.query({})).filter((tab) => tab.id !== self?.id);
      const [article] = others;
      if (others.length !== 1 || article.id === undefined || article.windowId === undefined) {
        throw new Error(`expected one article tab, found ${others.length}`);
      }
      await chrome.tabs.update(article.id, { active: true });
      await chrome.windows.update(article.windowId, { focused: true });
      await chrome.action.openPopup();
    });
    const popup = await (await popupTarget).asPage();
    this.traffic.watchPage(popup, 'toolbar popup');
    await helper.close();
    return popup;
  }

  /** The id of the one tab open besides an extension page of ours (the article's), for pages opened with `?tab=`. */
  async articleTabId(): Promise<number> {
    const helper = await this.newPage('extension page');
    try {
      await helper.goto(`chrome-extension://${this.extensionId}/timeline.html`);
      return await helper.evaluate(async () => {
        const self = await chrome.tabs.getCurrent();
        const others = (await chrome.tabs.query({})).filter((tab) => tab.id !== self?.id);
        if (others.length !== 1 || others[0].id === undefined) throw new Error(`expected one article tab, found ${others.length}`);
        return others[0].id;
      });
    } finally {
      await helper.close();
    }
  }

  /** The toolbar badge's text on every other tab (without the `tabs` permission, tabs cannot be told apart by URL). */
  async badgeTexts(): Promise<string[]> {
    const helper = await this.newPage('extension page');
    try {
      await helper.goto(`chrome-extension://${this.extensionId}/popup.html`);
      return await helper.evaluate(async () => {
        const self = await chrome.tabs.getCurrent();
        const others = (await chrome.tabs.query({})).filter((tab) => tab.id !== undefined && tab.id !== self?.id);
        return Promise.all(others.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
      });
    } finally {
      await helper.close();
    }
  }
}

export async function launchChromium(options: LaunchOptions): Promise<ChromiumSession> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: true,
    defaultViewport: { ...VIEWPORT },
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=${hostResolverRules(options.serverPort, options.catchAllPort)}`],
  });
  try {
    const extensionId = await browser.installExtension(options.extensionDir);
    const session = new ChromiumSession(browser, extensionId, new TrafficLog());
    // The background service worker has no Page: log its requests through CDP.
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
    );
    await session.traffic.watchCdpSession(await worker.createCDPSession());
    return session;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
