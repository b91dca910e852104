/**
 * What the pages under test asked for and complained about: every request a
 * page (article page or extension page) made, console errors and uncaught
 * exceptions. One log per browser session, shared by all its pages, so the
 * last test of a suite can check everything its visits did.
 */
import type { CDPSession, Page } from 'puppeteer-core';

export interface LoggedError {
  page: string;
  text: string;
}

export class TrafficLog {
  /** Every URL requested by a watched page or extension context. */
  readonly requests: string[] = [];
  readonly errors: LoggedError[] = [];

  /** Records a page's requests, console errors and uncaught exceptions. */
  watchPage(page: Page, label = 'page'): void {
    page.on('request', (request) => {
      this.requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push({ page: label, text: message.text() });
    });
    page.on('pageerror', (error) => {
      this.errors.push({ page: label, text: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    });
  }

  /** Records requests seen by a CDP session (Chromium service workers, which have no Page). */
  async watchCdpSession(session: CDPSession): Promise<void> {
    session.on('Network.requestWillBeSent', (event) => {
      this.requests.push(event.request.url);
    });
    await session.send('Network.enable');
  }

  /** Requests that went anywhere but the given hosts (extension-internal, data: and about: URLs are local). */
  requestsOutside(hosts: readonly string[]): string[] {
    return this.requests.filter((url) => {
      const parsed = new URL(url);
      if (['chrome-extension:', 'moz-extension:', 'data:', 'about:', 'blob:'].includes(parsed.protocol)) return false;
      return !hosts.includes(parsed.hostname);
    });
  }
}
