/**
 * What every test needs from a browser, whichever one it is: the extension
 * installed, the publisher's hosts mapped to the local fixture server, new
 * tabs with the test viewport whose traffic is logged.
 */
import type { Browser, Page } from 'puppeteer-core';
import { ARTICLE_HOST } from './hosts';
import { VIEWPORT } from './paths';
import type { TrafficLog } from './traffic-log';

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** Port of the fixture server the publisher's hosts map to. */
  serverPort: number;
  /** Port of the catch-all server every other host maps to (omit: other hosts fail to resolve). */
  catchAllPort?: number;
  /** Unpacked build to install. */
  extensionDir: string;
  headless?: boolean;
}

export abstract class BrowserSession {
  abstract readonly name: BrowserName;

  constructor(
    readonly browser: Browser,
    readonly extensionId: string,
    readonly traffic: TrafficLog,
  ) {}

  /** The URL at which this browser reaches `path` on `host` (always the local server). */
  abstract url(path: string, host?: string): string;

  /** A new tab with the test viewport, its traffic logged under `label`. */
  async newPage(label = 'page'): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setViewport({ ...VIEWPORT });
    this.traffic.watchPage(page, label);
    return page;
  }

  /** Opens `path` on the publisher's host in a new tab. */
  async openPage(path: string, host = ARTICLE_HOST, label = `${host}${path}`): Promise<Page> {
    const page = await this.newPage(label);
    await page.goto(this.url(path, host), { waitUntil: 'load' });
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
