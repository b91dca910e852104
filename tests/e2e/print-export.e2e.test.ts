/**
 * "Copy as Markdown" and "Save as HTML" clicked on the real print page:
 * the Markdown read back from the browser's clipboard, the HTML file caught
 * where the browser saved it.
 *
 * - Chromium: real mouse input over CDP, clipboard permissions granted over
 *   CDP, downloads sent to a folder with Browser.setDownloadBehavior, the
 *   saved file then opened from disk with the network off;
 * - Firefox ESR: the print page opened from the real popup; clicks are
 *   trusted clicks from chrome code, with user activation granted first
 *   (document.notifyUserGestureActivation, as Firefox's own tests do), as
 *   the clipboard requires; the clipboard read back through Firefox's
 *   clipboard service; downloads sent to a folder through the download
 *   preferences. The saved file is checked as text there (the offline open
 *   is Chromium's).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextPositionSelector } from '../../lib/shared/annotations/types';
import { articleRecord, noteRecord } from './support/annotation-data';
import type { ChromiumSession } from '../../lib/node/harness/chromium';
import type { FirefoxSession } from '../../lib/node/harness/firefox';
import { FirefoxPopup } from '../../lib/node/harness/popup-driver';
import { startChromium, startFirefox, type Harness } from './support/harness';
import { waitForAnnotated } from '../../lib/node/harness/page-probe';
import { ARTICLE_PATH } from '../../lib/node/harness/paths';

const article = articleRecord();

/** The article's notes in the order their first passage ends in the text (the data check keeps the position hints exact). */
const noteOrder = article.notes
  .map((id) => ({ note: noteRecord(id), end: Math.min(...noteRecord(id).targets.map((t) => (t.selector[1] as TextPositionSelector | undefined)?.end ?? Infinity)) }))
  .sort((a, b) => a.end - b.end)
  .map(({ note }) => note);

/** Markdown escaping of a data text, as the export does it for a title (lib/print/markdown.ts). */
const escaped = (text: string) => text.replace(/[\\`*_[\]<>|~]/g, '\\$&');

/** Clicks the toolbar button named `label` with real mouse input (a user gesture, which the clipboard needs). */
async function clickToolbarButton(page: Page, label: string): Promise<void> {
  const buttons = await page.$$('[role="toolbar"] button');
  for (const button of buttons) {
    if ((await button.evaluate((el) => el.textContent?.trim())) === label) {
      await button.click();
      return;
    }
  }
  throw new Error(`no toolbar button ${label}`);
}

/** What the Markdown must hold: the headline first, each endnote numbered in text order with its sources linked, every one cited. */
function expectMarkdown(markdown: string): void {
  expect(markdown.startsWith(`# ${escaped(article.headline)}\n`)).toBe(true);
  let at = markdown.indexOf('\n## Notes\n');
  expect(at).toBeGreaterThan(0);
  noteOrder.forEach((note, i) => {
    const definition = `\n[^${i + 1}]: **${escaped(note.title)}.**`;
    const next = markdown.indexOf(definition, at);
    expect(next, `endnote ${i + 1}, "${note.title}"`).toBeGreaterThan(at);
    const line = markdown.slice(next + 1, markdown.indexOf('\n', next + 1));
    expect(line).toMatch(/Sources?:? .*\]\(<https:\/\/[^>]+>\)/);
    at = next;
  });
  const cited = new Set([...markdown.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1])));
  expect([...cited].sort((a, b) => a - b)).toEqual(noteOrder.map((_, i) => i + 1));
}

/** What the saved file must be: nothing in it loads anything; links are plain https anchors; the endnotes are there in order. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|\ssrc=|srcset=|@import|url\(/i);
  expect(html).toContain('<style>');
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.every((h) => h.startsWith('https://') || h.startsWith('#'))).toBe(true);
  let at = html.indexOf('data-testid="endnotes"');
  expect(at).toBeGreaterThan(0);
  for (const note of noteOrder) {
    const next = html.indexOf(`<strong>${note.title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</strong>`, at);
    expect(next, `endnote "${note.title}" in the saved file`).toBeGreaterThan(at);
    at = next;
  }
}

/** Waits (up to 10 s) for one finished .html file in `dir`; returns its name. */
async function savedFile(dir: string): Promise<string> {
  let saved: string[] = [];
  for (let i = 0; i < 100 && (saved = readdirSync(dir).filter((f) => f.endsWith('.html'))).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(saved).toEqual([expect.stringMatching(/-backstory\.html$/)]);
  return saved[0];
}

describe('print page export in Chromium: real clicks, the real clipboard, the real download', () => {
  let harness: Harness<ChromiumSession>;
  let print: Page;
  let downloads: string;

  beforeAll(async () => {
    harness = await startChromium();
    const { session } = harness;
    const page = await session.openPage(ARTICLE_PATH);
    await waitForAnnotated(page);
    for (const other of await session.browser.pages()) if (other !== page) await other.close();
    const tabId = await session.articleTabId();
    const origin = `chrome-extension://${session.extensionId}`;
    await session.browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    downloads = mkdtempSync(join(tmpdir(), 'backstory-downloads-'));
    const cdp = await session.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    print = await session.newPage('print page');
    await print.goto(`${origin}/print.html?tab=${tabId}`);
    await print.waitForFunction(() => performance.getEntriesByName('backstory:print-complete').length > 0, { timeout: 10_000 });
  }, 90_000);

  afterAll(async () => {
    await harness?.stop();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('jumps from a note number in the text to its endnote and back (the sections below the article are laid out on demand)', async () => {
    const inView = (selector: string) =>
      print.$eval(selector, (el) => {
        // Its first line on screen (an endnote with its sources can be taller than the window).
        const { top } = el.getBoundingClientRect();
        return top >= -1 && top < innerHeight - 20;
      });
    await print.evaluate(() => scrollTo(0, 0));
    expect(await inView('#note-2')).toBe(false);
    await print.click('.print-text sup a[href="#note-2"]');
    await print.waitForFunction(() => location.hash === '#note-2');
    expect(await inView('#note-2')).toBe(true);
    await print.click('#note-2 .endnote__back');
    await print.waitForFunction(() => location.hash !== '#note-2');
    const back = await print.evaluate(() => location.hash.slice(1));
    expect(await inView(`[id="${back}"]`)).toBe(true);
  });

  it('copies Markdown: the headline, the numbered endnotes in text order with their source links', async () => {
    await clickToolbarButton(print, 'Copy as Markdown');
    await print.waitForFunction(() => document.querySelector('[role="toolbar"] [role="status"]')?.textContent === 'Copied as Markdown.', { timeout: 5000 });
    const markdown = await print.evaluate(() => navigator.clipboard.readText());
    expectMarkdown(markdown);
  });

  it('saves a self-contained HTML file that opens offline with the endnotes in order', async () => {
    await clickToolbarButton(print, 'Save as HTML');
    const name = await savedFile(downloads);
    const file = join(downloads, name);
    const html = readFileSync(file, 'utf8');
    expect(await print.$eval('[role="toolbar"] [role="status"]', (el) => el.textContent)).toBe(`Saved as ${name}.`);
    expectSelfContained(html);

    // Opened from disk with the network off: one request (the file), the endnotes there and in order.
    const offline = await harness.session.newPage('saved file');
    const requested: string[] = [];
    offline.on('request', (request) => requested.push(request.url()));
    await offline.setOfflineMode(true);
    await offline.goto(`file://${file}`, { waitUntil: 'load' });
    const view = await offline.evaluate(() => ({
      headline: document.querySelector('h1')?.textContent,
      endnotes: Array.from(document.querySelectorAll('[data-testid="endnotes"] > li .endnote__title strong'), (el) => el.textContent?.trim()),
      sections: Array.from(document.querySelectorAll('h2'), (h) => h.textContent),
      controls: document.querySelectorAll('button, select, input, script').length,
    }));
    expect(requested).toEqual([`file://${file}`]);
    expect(view.headline).toBe(article.headline);
    expect(view.endnotes).toEqual(noteOrder.map((n) => n.title));
    expect(view.sections).toEqual(['Key points', 'Notes', 'Glossary', 'Timeline']);
    expect(view.controls).toBe(0);
    await offline.close();
  });
});

describe('print page export in Firefox: the real popup, trusted clicks, the real clipboard and download folder', () => {
  let harness: Harness<FirefoxSession>;
  let downloads: string;
  const chrome = () => harness.session.privileged();

  /** Runs `body` in the selected tab's print page (doc, win in scope) once its second step is done. */
  const inPrintTab = <T>(body: string) =>
    chrome().run<T>(`
      for (let i = 0; i < 100; i++) {
        const doc = gBrowser.selectedBrowser.contentDocument;
        const win = gBrowser.selectedBrowser.contentWindow;
        if (gBrowser.currentURI.spec.includes('/print.html') && win?.wrappedJSObject.performance.getEntriesByName('backstory:print-complete').length > 0) {
          return await (async (doc, win) => { ${body} })(doc, win);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('no print page (now at ' + gBrowser.currentURI.spec + ')');
    `);

  /**
   * A trusted click on the toolbar button named `label`, with the user
   * activation a real click gives (granted as Firefox's own tests do:
   * Firefox 153 has no synthesized mouse input for chrome code).
   */
  const clickToolbarButton = (label: string) =>
    inPrintTab(`
      const button = [...doc.querySelectorAll('[role="toolbar"] button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)});
      if (!button) throw new Error('no toolbar button ${label}');
      doc.notifyUserGestureActivation();
      button.click();
      return true;
    `);

  const status = () => inPrintTab<string>(`return doc.querySelector('[role="toolbar"] [role="status"]').textContent;`);

  beforeAll(async () => {
    harness = await startFirefox({ privileged: true });
    downloads = mkdtempSync(join(tmpdir(), 'backstory-downloads-'));
    await chrome().run(`
      Services.prefs.setIntPref('browser.download.folderList', 2);
      Services.prefs.setStringPref('browser.download.dir', ${JSON.stringify(downloads)});
      Services.prefs.setBoolPref('browser.download.useDownloadDir', true);
      Services.prefs.setBoolPref('browser.download.always_ask_before_handling_new_types', false);
      return true;
    `);
    const page = await harness.session.openPage(ARTICLE_PATH);
    await waitForAnnotated(page);
    const popup = new FirefoxPopup(harness.session);
    await popup.open(page);
    await chrome().clickInPopup('#view-tab-timeline', 'Timeline');
    await chrome().inPopup(`
      for (let i = 0; i < 100 && !popupDocument.querySelector('button.action'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return true;
    `);
    await chrome().clickInPopup('button.action', 'Print with background');
    await inPrintTab('return true;');
  }, 90_000);

  afterAll(async () => {
    await harness?.stop();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('copies Markdown: the headline, the numbered endnotes in text order with their source links', async () => {
    await clickToolbarButton('Copy as Markdown');
    for (let i = 0; i < 50 && (await status()) !== 'Copied as Markdown.'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await status()).toBe('Copied as Markdown.');
    const markdown = await chrome().run<string>(`
      const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
      transferable.init(null);
      transferable.addDataFlavor('text/plain');
      Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard, gBrowser.selectedBrowser.browsingContext.currentWindowContext);
      const data = {};
      transferable.getTransferData('text/plain', data);
      return data.value.QueryInterface(Ci.nsISupportsString).data;
    `);
    expectMarkdown(markdown);
  });

  it('saves a self-contained HTML file into the download folder, with the endnotes in order', async () => {
    await clickToolbarButton('Save as HTML');
    const name = await savedFile(downloads);
    expect(await status()).toBe(`Saved as ${name}.`);
    expectSelfContained(readFileSync(join(downloads, name), 'utf8'));
  });
});
