/**
 * "Copy as Markdown" and "Save as HTML" clicked with real mouse input on the
 * real print page in Chromium: the Markdown read back from the browser's
 * clipboard, the HTML file caught where the browser saved it (CDP
 * Browser.setDownloadBehavior) and opened offline from disk. Firefox is
 * not covered here: see the report of the change that added this file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextPositionSelector } from '../../lib/shared/annotations/types';
import { articleRecord, noteRecord } from './support/annotation-data';
import type { ChromiumSession } from '../../lib/node/harness/chromium';
import { startChromium, type Harness } from './support/harness';
import { waitForAnnotated } from '../../lib/node/harness/page-probe';
import { ARTICLE_PATH } from '../../lib/node/harness/paths';

declare const chrome: ExtensionApi;

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
    const helper = await session.newPage('extension page');
    await helper.goto(`chrome-extension://${session.extensionId}/timeline.html`);
    const tabId = await helper.evaluate(async () => {
      const self = await chrome.tabs.getCurrent();
      return (await chrome.tabs.query({})).find((tab) => tab.id !== self?.id)!.id!;
    });
    await helper.close();
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

  it('copies Markdown: the headline, the numbered endnotes in text order with their source links', async () => {
    await clickToolbarButton(print, 'Copy as Markdown');
    await print.waitForFunction(() => document.querySelector('[role="toolbar"] [role="status"]')?.textContent === 'Copied as Markdown.', { timeout: 5000 });
    const markdown = await print.evaluate(() => navigator.clipboard.readText());
    expect(markdown.startsWith(`# ${escaped(article.headline)}\n`)).toBe(true);
    // Each endnote is a footnote definition, numbered in the order of its first passage, with its sources linked.
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
    // Every footnote the text cites is defined, and the text cites each one.
    const cited = new Set([...markdown.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1])));
    expect([...cited].sort((a, b) => a - b)).toEqual(noteOrder.map((_, i) => i + 1));
  });

  it('saves a self-contained HTML file that opens offline with the endnotes in order', async () => {
    await clickToolbarButton(print, 'Save as HTML');
    let saved: string[] = [];
    for (let i = 0; i < 100 && (saved = readdirSync(downloads).filter((f) => f.endsWith('.html'))).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(saved).toEqual([expect.stringMatching(/-backstory\.html$/)]);
    const file = join(downloads, saved[0]);
    const html = readFileSync(file, 'utf8');
    expect(await print.$eval('[role="toolbar"] [role="status"]', (el) => el.textContent)).toBe(`Saved as ${saved[0]}.`);
    // Nothing that loads: no script, no stylesheet link, no src, no CSS url() or @import; links are plain https anchors.
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|\ssrc=|srcset=|@import|url\(/i);
    expect(html).toContain('<style>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.startsWith('https://') || h.startsWith('#'))).toBe(true);

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
