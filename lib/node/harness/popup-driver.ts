/**
 * The real toolbar popup, driven the same way in both browsers: open it for
 * the article's tab, read what it shows, click its controls.
 *
 * - Chromium: the popup is a CDP target; puppeteer clicks it with real
 *   mouse input (ChromiumSession.openToolbarPopup).
 * - Firefox: the popup is reached through the chrome scope
 *   (firefox-chrome-scope.ts), whose clicks are trusted events.
 */
import type { Page } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import type { PageReport } from '../../shared/messages';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { saveScreenshot, savePng } from './screenshots';

declare const chrome: ExtensionApi;

/** What the popup shows, as text. */
export interface PopupView {
  headline: string;
  summary: string[];
  /** The "Found on this page (N)" heading. */
  found: string;
  entities: string[];
  notes: string[];
  orphans: string[];
  /** One-line states ("Highlights are off for this page.", ...). */
  states: string[];
  /** The "Highlights on this page" switch, or null when the popup shows none. */
  pageSwitchOn: boolean | null;
}

export const PAGE_SWITCH_LABEL = 'Highlights on this page';

/**
 * Reads the popup's document. Self-contained: it is serialised and run in
 * the popup (Chromium) or in Firefox's chrome scope with the popup's
 * document as argument.
 */
export function readPopupView(doc: Document = document): PopupView {
  // No named inner functions: see page-probe.ts. What a reader sees: nothing
  // inside a hidden panel (the timeline is rendered ahead, hidden).
  const pageSwitch = Array.from(doc.querySelectorAll<HTMLInputElement>('input[role="switch"]')).find((input) =>
    input.closest('label')?.textContent?.includes('Highlights on this page'),
  );
  return {
    headline: (doc.querySelector('.article__headline')?.textContent ?? '').trim(),
    summary: Array.from(doc.querySelectorAll('.summary li'))
      .filter((el) => !el.closest('[hidden]'))
      .map((el) => (el.textContent ?? '').trim()),
    found: (doc.querySelector('#found-title')?.textContent ?? '').trim(),
    // A button reads "Name <count>" or "Title <tags>": the name is its first text node.
    entities: Array.from(doc.querySelectorAll('button.chip'))
      .filter((el) => !el.closest('[hidden]'))
      .map((chip) => (chip.firstChild?.textContent ?? '').trim()),
    notes: Array.from(doc.querySelectorAll('button.note-button'))
      .filter((el) => !el.closest('[hidden]'))
      .map((button) => (button.firstChild?.textContent ?? '').trim()),
    orphans: Array.from(doc.querySelectorAll('[data-testid="orphans"] li'))
      .filter((el) => !el.closest('[hidden]'))
      .map((el) => (el.textContent ?? '').trim()),
    states: Array.from(doc.querySelectorAll('.state__message'))
      .filter((el) => !el.closest('[hidden]'))
      .map((el) => (el.textContent ?? '').trim()),
    pageSwitchOn: pageSwitch ? pageSwitch.checked : null,
  };
}

export interface PopupDriver {
  /** Opens the toolbar popup with `article` as the active tab. */
  open(article: Page): Promise<void>;
  view(): Promise<PopupView>;
  clickEntity(name: string): Promise<void>;
  clickNote(title: string): Promise<void>;
  clickPageSwitch(): Promise<void>;
  /** Scrolls the popup so the element matching `selector` is at its top. */
  scrollTo(selector: string): Promise<void>;
  /** Saves a screenshot of the popup under docs/screenshots (or `dir`); returns its path. */
  screenshot(name: string, dir?: string): Promise<string>;
  /** The content script's PageReport, asked for by the popup's own extension API. */
  report(): Promise<PageReport>;
}

export class ChromiumPopup implements PopupDriver {
  private popup: Page | null = null;

  constructor(private readonly session: ChromiumSession) {}

  private page(): Page {
    if (!this.popup) throw new Error('popup not open');
    return this.popup;
  }

  async open(article: Page): Promise<void> {
    this.popup = await this.session.openToolbarPopup(article);
    await this.popup.waitForSelector('main.popup');
  }

  view(): Promise<PopupView> {
    return this.page().evaluate(readPopupView);
  }

  /** Clicks (real mouse input) the button of `selector` whose first text node is `text`. */
  private async clickButton(selector: string, text: string): Promise<void> {
    for (const button of await this.page().$$(selector)) {
      // A button in a panel rendered ahead (hidden) is not one the reader can click.
      if ((await button.evaluate((el) => (el.closest('[hidden]') ? null : el.firstChild?.textContent?.trim()))) === text) {
        await button.click();
        return;
      }
    }
    throw new Error(`no ${selector} "${text}" in the popup`);
  }

  clickEntity(name: string): Promise<void> {
    return this.clickButton('button.chip', name);
  }

  clickNote(title: string): Promise<void> {
    return this.clickButton('button.note-button', title);
  }

  async clickPageSwitch(): Promise<void> {
    for (const input of await this.page().$$('input[role="switch"]')) {
      const label = await input.evaluate((el) => el.closest('label')?.textContent ?? '');
      if (label.includes(PAGE_SWITCH_LABEL)) {
        await input.click();
        return;
      }
    }
    throw new Error(`no "${PAGE_SWITCH_LABEL}" switch in the popup`);
  }

  async scrollTo(selector: string): Promise<void> {
    await this.page().evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), selector);
  }

  screenshot(name: string, dir?: string): Promise<string> {
    return saveScreenshot(this.page(), name, dir);
  }

  /** Runs an async function body with `doc` as the popup's document; returns its JSON-able result. */
  run<T>(body: string): Promise<T> {
    return this.page().evaluate(`(async (doc) => { ${body} })(document)`) as Promise<T>;
  }

  report(): Promise<PageReport> {
    return this.page().evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      return (await chrome.tabs.sendMessage(tab.id!, { type: 'backstory:get-report' })) as PageReport;
    });
  }
}

export class FirefoxPopup implements PopupDriver {
  constructor(private readonly session: FirefoxSession) {}

  async open(article: Page): Promise<void> {
    await article.bringToFront();
    await this.session.privileged().openToolbarPopup();
  }

  view(): Promise<PopupView> {
    return this.session.privileged().inPopup<PopupView>(`return (${readPopupView.toString()})(popupDocument);`);
  }

  /** Clicks (a trusted click from chrome code) the button of `selector` whose first text node is `text`. */
  private async clickButton(selector: string, text: string): Promise<void> {
    await this.session.privileged().inPopup(`
      const wanted = ${JSON.stringify(text)};
      const button = [...popupDocument.querySelectorAll(${JSON.stringify(selector)})]
        .find((el) => !el.closest('[hidden]') && el.firstChild?.textContent.trim() === wanted);
      if (!button) throw new Error('no ' + ${JSON.stringify(selector)} + ' "' + wanted + '" in the popup');
      button.scrollIntoView({ block: 'center' });
      button.click();
    `);
  }

  clickEntity(name: string): Promise<void> {
    return this.clickButton('button.chip', name);
  }

  clickNote(title: string): Promise<void> {
    return this.clickButton('button.note-button', title);
  }

  async clickPageSwitch(): Promise<void> {
    await this.session.privileged().clickInPopup('input[role="switch"]', PAGE_SWITCH_LABEL);
  }

  async scrollTo(selector: string): Promise<void> {
    await this.session.privileged().inPopup(`popupDocument.querySelector(${JSON.stringify(selector)})?.scrollIntoView({ block: 'start' });`);
  }

  async screenshot(name: string, dir?: string): Promise<string> {
    return savePng(await this.session.privileged().popupScreenshot(), name, dir);
  }

  /** Runs an async function body with `doc` as the popup's document; returns its JSON-able result. */
  run<T>(body: string): Promise<T> {
    return this.session.privileged().inPopup<T>(`return await (async (doc) => { ${body} })(popupDocument);`);
  }

  report(): Promise<PageReport> {
    return this.session.privileged().pageReport<PageReport>();
  }
}

/** Polls the popup until `ready` holds for what it shows; returns that view. */
export async function waitForPopupView(
  popup: PopupDriver,
  ready: (view: PopupView) => boolean,
  timeout = 5_000,
): Promise<PopupView> {
  const deadline = Date.now() + timeout;
  let view = await popup.view();
  while (!ready(view)) {
    if (Date.now() > deadline) throw new Error(`popup did not reach the expected state; it shows ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    view = await popup.view();
  }
  return view;
}
