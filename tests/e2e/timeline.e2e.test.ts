/**
 * The timeline and the print page in the real extension, in Chromium and
 * Firefox ESR: the Timeline view of the toolbar popup on the article, an
 * entity revealed from it, "Print with background" opening the print page
 * with the article's notes as endnotes in text order, the full-tab
 * timeline; in Chromium also a PDF printed from the print page (A4 and
 * Letter, read back with pdftotext) and axe audits of the real pages in
 * light and dark. Render times are written to artifacts/bench/ (figures,
 * not pass/fail).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextPositionSelector } from '../../lib/shared/annotations/types';
import { articleRecord, entityRecord, eventRecord, noteRecord } from './support/annotation-data';
import type { ChromiumSession } from '../../lib/node/harness/chromium';
import type { FirefoxSession } from '../../lib/node/harness/firefox';
import { pngFromDataUrl, snapshotScript } from '../../lib/node/harness/firefox-chrome-scope';
import { startChromium, startFirefox, type Harness } from './support/harness';
import { BROWSER_SERVICE_HOSTS, MAPPED_HOSTS } from '../../lib/node/harness/hosts';
import { textInViewport, waitForAnnotated, waitForCard, waitForScrollEnd } from '../../lib/node/harness/page-probe';
import { ARTICLE_PATH, ARTICLE_SELECTOR, REPO_ROOT } from '../../lib/node/harness/paths';
import { ChromiumPopup, FirefoxPopup } from '../../lib/node/harness/popup-driver';
import { sleep } from '../../lib/node/harness/reader-input';
import { saveScreenshot, savePng } from '../../lib/node/harness/screenshots';
import { otherArticlePage, type OtherArticle } from './support/variant-pages';

const article = articleRecord();
const BAGHAEI = entityRecord('esmail-baghaei');
const ARTIFACTS = join(REPO_ROOT, 'artifacts');

/** Another article of the site, not in the data, after the September 2025 snapback: four entities named, nothing else. */
const OTHER: OtherArticle = {
  path: '/en/202510010321',
  headline: 'Araghchi meets Wang Yi in Beijing a week after UN sanctions return',
  published: '2025-10-01T08:30:00Z',
  paragraphs: [
    'Foreign minister Abbas Araghchi met Wang Yi in Beijing on Wednesday, his first trip abroad since the sanctions came back.',
    'The talks held in Muscat earlier in the year were not mentioned in the statement issued after the meeting.',
  ],
};
const OTHER_FOUND = ['abbas-araghchi', 'wang-yi', 'beijing', 'muscat'].map(entityRecord);

/** Notes in the order their first passage ends in the article (the data check keeps the position hints exact). */
const noteOrder = article.notes
  .map((id) => {
    const ends = noteRecord(id).targets.map((t) => (t.selector[1] as TextPositionSelector | undefined)?.end ?? Infinity);
    return { id, title: noteRecord(id).title, end: Math.min(...ends) };
  })
  .sort((a, b) => a.end - b.end);

/** What a script run in a Backstory page (popup, print, timeline) reports. */
interface TimelineView {
  mark: string;
  since: string;
  years: string[];
  items: number;
  dates: string[];
  visit2016: string[];
}

/** Script bodies run with `doc` as the page's document, in either browser. */
const READ_TIMELINE = `
  const text = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const visits = [...doc.querySelectorAll('li.tl-item')].filter((li) => text(li.querySelector('time')) === '23 January 2016');
  return {
    mark: text(doc.querySelector('[data-testid="timeline-mark"]')),
    since: text(doc.querySelector('.tl-since__title')),
    years: [...doc.querySelectorAll('.tl-year__title')].map(text),
    items: doc.querySelectorAll('li.tl-item').length,
    dates: [...doc.querySelectorAll('time.tl-item__date')].map((t) => t.getAttribute('datetime')),
    visit2016: visits.map((li) => [...li.querySelectorAll('.tl-item__entities > *')].map(text).join(', ')),
  };
`;

/** Clicks the Timeline tab and waits for the view; returns the milliseconds from click to rendered list. */
const OPEN_TIMELINE_TAB = `
  const started = performance.now();
  doc.querySelector('#view-tab-timeline').click();
  for (let i = 0; i < 300 && !doc.querySelector('[data-testid="timeline"] li.tl-item'); i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  if (!doc.querySelector('[data-testid="timeline"] li.tl-item')) throw new Error('the timeline did not render');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - started;
`;

const clickButton = (selector: string, text: string) => `
  const wanted = ${JSON.stringify(text)};
  const button = [...doc.querySelectorAll(${JSON.stringify(selector)})].find((b) => (b.getAttribute('aria-label') ?? b.textContent).trim() === wanted);
  if (!button) throw new Error('no button ' + wanted);
  button.scrollIntoView({ block: 'center' });
  button.click();
  return true;
`;

/** Waits (up to a second) for a page's own mark: it is set in an effect, just after the first render. */
const waitForMark = (name: string) => `
  for (let i = 0; i < 50 && performance.getEntriesByName('${name}').length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
`;

const READ_PRINT = `
  const text = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  ${waitForMark('backstory:print-complete')}
  return {
    headline: text(doc.querySelector('.print-doc h1')),
    refs: [...doc.querySelectorAll('.print-text sup a')].map(text),
    endnotes: [...doc.querySelectorAll('[data-testid="endnotes"] > li .endnote__title strong')].map(text),
    unplaced: [...doc.querySelectorAll('[data-testid="unplaced"] li .endnote__title strong')].map(text),
    sections: [...doc.querySelectorAll('.print-doc h2')].map(text),
    glossary: doc.querySelectorAll('.glossary dt').length,
    paragraphs: doc.querySelectorAll('.print-text > *').length,
    rendered: performance.getEntriesByName('backstory:print-rendered')[0]?.startTime ?? null,
    complete: performance.getEntriesByName('backstory:print-complete')[0]?.startTime ?? null,
  };
`;

interface PrintViewRead {
  headline: string;
  refs: string[];
  endnotes: string[];
  unplaced: string[];
  sections: string[];
  glossary: number;
  paragraphs: number;
  rendered: number | null;
  complete: number | null;
}

/** One browser's way of reaching Backstory's own pages. */
interface Subject {
  name: 'chromium' | 'firefox';
  harness: Harness;
  popup: ChromiumPopup | FirefoxPopup;
  inPopup<T>(body: string): Promise<T>;
  /** Waits for a Backstory page at `path` to open in a tab and runs `body` in it once `ready` matches. */
  inNewTab<T>(path: string, ready: string, body: string): Promise<T>;
  screenshotTab(name: string): Promise<string>;
  closeOtherTabs(keep: Page): Promise<void>;
  /** Chromium: the puppeteer Page of the last Backstory tab opened at `path`. */
  tab(path: string): Page;
}

function chromiumSubject(harness: Harness<ChromiumSession>): Subject {
  const popup = new ChromiumPopup(harness.session);
  const tabs = new Map<string, Page>();
  const run = <T>(page: Page, body: string) => page.evaluate(`(async (doc) => { ${body} })(document)`) as Promise<T>;
  return {
    name: 'chromium',
    harness,
    popup,
    inPopup: (body) => popup.run(body),
    async inNewTab(path, ready, body) {
      const target = await harness.session.browser.waitForTarget((t) => t.url().includes(path), { timeout: 10_000 });
      const page = (await target.asPage())!;
      harness.session.traffic.watchPage(page, path);
      await page.setViewport({ width: 1000, height: 750 });
      await page.waitForSelector(ready, { timeout: 10_000 });
      tabs.set(path, page);
      return run(page, body);
    },
    async screenshotTab(name) {
      const page = [...tabs.values()].at(-1)!;
      return saveScreenshot(page, name);
    },
    async closeOtherTabs(keep) {
      for (const other of await harness.session.browser.pages()) if (other !== keep) await other.close();
      tabs.clear();
    },
    tab(path) {
      const found = tabs.get(path);
      if (!found) throw new Error(`no tab at ${path}`);
      return found;
    },
  };
}

function firefoxSubject(harness: Harness<FirefoxSession>): Subject {
  const chrome = () => harness.session.privileged();
  const popup = new FirefoxPopup(harness.session);
  return {
    name: 'firefox',
    harness,
    popup,
    inPopup: (body) => popup.run(body),
    // BiDi may not open moz-extension:// pages; with extension pages in the parent process, chrome code can read the new tab.
    inNewTab: (path, ready, body) =>
      chrome().run(`
        for (let i = 0; i < 100; i++) {
          const doc = gBrowser.selectedBrowser.contentDocument;
          if (gBrowser.currentURI.spec.includes(${JSON.stringify(path)}) && doc?.querySelector(${JSON.stringify(ready)})) {
            // The page's own performance timeline (its marks), not the Xray view of it.
            const performance = gBrowser.selectedBrowser.contentWindow.wrappedJSObject.performance;
            return await (async (doc, performance) => { ${body} })(doc, performance);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('no tab at ${path} showing ${ready} (now at ' + gBrowser.currentURI.spec + ')');
      `),
    async screenshotTab(name) {
      return savePng(pngFromDataUrl(await chrome().run<string>(snapshotScript('gBrowser.selectedBrowser'))), name);
    },
    async closeOtherTabs() {
      await chrome().run(`
        for (const tab of [...gBrowser.tabs]) if (tab.linkedBrowser.currentURI.spec.startsWith('moz-extension:')) gBrowser.removeTab(tab);
        // A popup still open would be toggled shut by the next click on the toolbar button.
        document.querySelector('browser.webextension-popup-browser')?.closest('panel')?.hidePopup();
        return true;
      `);
      // Let the tab switch settle, or the next popup closes as focus moves.
      await sleep(500);
    },
    tab() {
      throw new Error('Firefox pages are read through the chrome scope');
    },
  };
}

const figures: Record<string, Record<string, number | null>> = {};

describe.each(['chromium', 'firefox'] as const)('the timeline and the print page in %s', (name) => {
  let subject: Subject;
  let page: Page;
  const measured: Record<string, number | null> = (figures[name] = {});

  beforeAll(async () => {
    subject = name === 'chromium' ? chromiumSubject(await startChromium()) : firefoxSubject(await startFirefox({ privileged: true }));
    subject.harness.server.route(OTHER.path, otherArticlePage(OTHER));
    page = await subject.harness.session.openPage(ARTICLE_PATH);
    await waitForAnnotated(page);
    await subject.closeOtherTabs(page);
    await subject.popup.open(page);
  }, 90_000);

  afterAll(async () => {
    await subject?.harness.stop();
    mkdirSync(join(ARTIFACTS, 'bench'), { recursive: true });
    writeFileSync(join(ARTIFACTS, 'bench', 'timeline-print.json'), `${JSON.stringify(figures, null, 2)}\n`);
  });

  it('shows the timeline in the popup: by year, the article marked, later events apart, the 2016 visit once', async () => {
    if (name === 'chromium') {
      measured.popupFirstContentfulPaintMs = await subject.inPopup<number | null>(
        `return performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null;`,
      );
    }
    measured.popupTabToTimelineMs = await subject.inPopup<number>(OPEN_TIMELINE_TAB);
    const view = await subject.inPopup<TimelineView>(READ_TIMELINE);
    expect(view.mark).toBe('This article, 22 April 2025');
    expect(view.since).toBe('Since this article');
    expect(view.items).toBeGreaterThan(40);
    const starts = view.dates.map((d) => d.slice(0, 10));
    expect(starts.filter((d) => d.startsWith('2016-01-23'))).toHaveLength(1);
    expect(view.visit2016).toHaveLength(1);
    for (const entity of ['Xi Jinping', 'Ali Khamenei', 'Tehran']) expect(view.visit2016[0]).toContain(entity);
    expect(view.years[0] <= '2015').toBe(true);
    // The picture shows the article's mark and what came after it.
    await subject.popup.scrollTo('[data-testid="timeline-mark"]');
    await subject.popup.screenshot(`${name}-popup-timeline`);
  });

  it('reveals an entity on the page from a timeline item, as the entity list does', async () => {
    expect(await textInViewport(page, `${ARTICLE_SELECTOR} main p`, 'Esmail Baghaei')).toBe(false);
    await subject.inPopup(clickButton('button.chip--small', `${BAGHAEI.name}: show on the page`));
    const card = await waitForCard(page, BAGHAEI.name);
    expect(card.lead).toBe(BAGHAEI.description);
    expect(await waitForScrollEnd(page)).toBeGreaterThan(0);
    expect(await textInViewport(page, `${ARTICLE_SELECTOR} main p`, 'Esmail Baghaei')).toBe(true);
  });

  it('opens the print page from the popup: the article’s text, its notes as endnotes in text order, glossary and timeline', async () => {
    await subject.inPopup(clickButton('button.action', 'Print with background'));
    const view = await subject.inNewTab<PrintViewRead>('/print.html', '.print-doc', READ_PRINT);
    measured.printRenderMs = view.rendered;
    measured.printCompleteMs = view.complete;
    expect(view.headline).toBe(article.headline);
    expect(view.paragraphs).toBeGreaterThan(10);
    expect(view.endnotes).toEqual(noteOrder.map((n) => n.title));
    expect([...new Set(view.refs)]).toEqual(noteOrder.map((_, i) => String(i + 1)));
    expect(view.unplaced).toEqual([]);
    expect(view.sections).toEqual(['Key points', 'Notes', 'Glossary', 'Timeline']);
    expect(view.glossary).toBeGreaterThan(20);
    await subject.screenshotTab(`${name}-print`);
  });

  // Chromium only: puppeteer prints PDFs and reaches extension pages over CDP there (Firefox's BiDi does neither).
  if (name === 'chromium') {
    it('prints a PDF, A4 and Letter, with the endnotes in order, addresses printed and no controls', async () => {
      const printPage = subject.tab('/print.html');
      mkdirSync(join(ARTIFACTS, 'e2e'), { recursive: true });
      for (const format of ['A4', 'Letter'] as const) {
        const file = join(ARTIFACTS, 'e2e', `print-${format.toLowerCase()}.pdf`);
        const started = performance.now();
        writeFileSync(file, await printPage.pdf({ format }));
        measured[`pdf${format}Ms`] = performance.now() - started;
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        measured[`pdf${format}Pages`] = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN);
        expect(text).toContain(article.headline);
        const notesAt = text.indexOf(' Notes ');
        expect(notesAt).toBeGreaterThan(text.indexOf(article.headline));
        let at = notesAt;
        for (const { title } of noteOrder) {
          const next = text.indexOf(title, at);
          expect(next, `endnote "${title}" after the previous one in the ${format} PDF`).toBeGreaterThan(at);
          at = next;
        }
        expect(text).toMatch(/<https:\/\/\S+>/);
        expect(text).not.toContain('Copy as Markdown');
        expect(text).not.toContain('Save as HTML');
      }
    });

    it('the print page and the full-tab timeline pass axe in light and dark', async () => {
      const axeSource = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
      const audit = async (target: Page) => {
        // Evaluated over CDP, which the page's script policy does not govern; the page itself loads nothing new.
        await target.evaluate(axeSource);
        const violations: string[] = [];
        for (const scheme of ['light', 'dark'] as const) {
          await target.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          const found = (await target.evaluate(
            `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
          )) as string[];
          violations.push(...found.map((v) => `${scheme}: ${v}`));
        }
        await target.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
        return violations;
      };
      const printPage = subject.tab('/print.html');
      expect(await audit(printPage)).toEqual([]);
      const tabId = new URL(printPage.url()).searchParams.get('tab');
      const timelinePage = await subject.harness.session.newPage('full-tab timeline');
      await timelinePage.goto(`chrome-extension://${subject.harness.session.extensionId}/timeline.html?tab=${tabId}`);
      await timelinePage.waitForSelector('[data-testid="timeline"] li.tl-item');
      expect(await audit(timelinePage)).toEqual([]);
      await timelinePage.close();
    });
  }

  it('opens the full-tab timeline from the popup, with the sources as links', async () => {
    await subject.closeOtherTabs(page);
    await subject.popup.open(page);
    await subject.inPopup<number>(OPEN_TIMELINE_TAB);
    await subject.inPopup(clickButton('button.action', 'Open the timeline in a tab'));
    const view = await subject.inNewTab<TimelineView & { rendered: number | null; links: number; safe: boolean; title: string }>(
      '/timeline.html',
      '[data-testid="timeline"] li.tl-item',
      `${waitForMark('backstory:timeline-rendered')}${READ_TIMELINE.replace('return {', `return {
        rendered: performance.getEntriesByName('backstory:timeline-rendered')[0]?.startTime ?? null,
        title: text(doc.querySelector('h1')),
        links: doc.querySelectorAll('.tl-item__sources a').length,
        safe: [...doc.querySelectorAll('.tl-item__sources a')].every((a) => a.href.startsWith('https://') && a.rel === 'noopener noreferrer'),`)}`,
    );
    measured.timelinePageRenderMs = view.rendered;
    expect(view.title).toBe(`Timeline: ${article.headline}`);
    expect(view.mark).toBe('This article, 22 April 2025');
    expect(view.items).toBeGreaterThan(40);
    expect(view.links).toBeGreaterThan(view.items);
    expect(view.safe).toBe(true);
    await subject.screenshotTab(`${name}-timeline-page`);
  });

  it('on another article of the site: covers the entities found there, marked at that page’s date, in the popup and the full tab', async () => {
    const other = await subject.harness.session.openPage(OTHER.path);
    await waitForAnnotated(other);
    await subject.closeOtherTabs(other);
    await subject.popup.open(other);
    await subject.inPopup<number>(OPEN_TIMELINE_TAB);
    const readOther = READ_TIMELINE.replace('return {', `return {
        options: [...doc.querySelectorAll('select[id$="-entity"] option')].filter((o) => o.value).map(text),
        concerns: [...doc.querySelectorAll('li.tl-item')].map((li) => [...li.querySelectorAll('.tl-item__entities > *:not(.visually-hidden)')].map(text)),
        before: [...doc.querySelectorAll('li.tl-item')].filter((li) => !li.closest('.tl-since')).map((li) => li.querySelector('time').getAttribute('datetime')),
        after: [...doc.querySelectorAll('.tl-since li.tl-item')].map((li) => li.querySelector('time').getAttribute('datetime')),
        texts: [...doc.querySelectorAll('.tl-item__text')].map(text),
        print: [...doc.querySelectorAll('button.action')].some((b) => text(b) === 'Print with background'),`);
    type OtherView = TimelineView & { options: string[]; concerns: string[][]; before: string[]; after: string[]; texts: string[]; print: boolean };
    const view = await subject.inPopup<OtherView>(readOther);
    const names = OTHER_FOUND.map((e) => e.name);
    expect(view.mark).toBe('This page, 1 October 2025');
    expect(view.since).toBe('Since this page');
    expect([...view.options].sort()).toEqual([...names].sort());
    // Every item concerns something named on this page; none comes from the annotated article alone.
    expect(view.concerns.every((list) => list.some((n) => names.includes(n)))).toBe(true);
    expect(view.visit2016).toEqual([]);
    // The Beijing talks of 23 April 2025, one event shared by several cards, once, with the three found here that it concerns.
    const beijing = eventRecord('araghchi-in-beijing');
    const at = view.texts.findIndex((t) => t.startsWith(beijing.title));
    expect(view.texts.filter((t) => t.startsWith(beijing.title))).toHaveLength(1);
    expect(view.concerns[at]).toEqual(expect.arrayContaining(['Abbas Araghchi', 'Beijing', 'Wang Yi']));
    // Before the mark: started on or before the page's day; after it: later.
    expect(view.before.every((d) => d.slice(0, 10) <= '2025-10-01')).toBe(true);
    expect(view.after.length).toBeGreaterThan(0);
    expect(view.after.every((d) => d.slice(0, 10) > '2025-10-01')).toBe(true);
    expect(view.print).toBe(false);

    await subject.inPopup(clickButton('button.action', 'Open the timeline in a tab'));
    const full = await subject.inNewTab<OtherView & { title: string }>(
      '/timeline.html',
      '[data-testid="timeline"] li.tl-item',
      `${waitForMark('backstory:timeline-rendered')}${readOther.replace('return {', 'return { title: text(doc.querySelector(\'h1\')),')}`,
    );
    expect(full.title).toBe('Timeline');
    expect(full.mark).toBe('This page, 1 October 2025');
    expect([...full.options].sort()).toEqual([...names].sort());
    expect(full.items).toBe(view.items);
    await subject.screenshotTab(`${name}-timeline-page-other-article`);
  });

  it('sent nothing off the machine and logged no errors', async () => {
    await sleep(300);
    const { traffic } = subject.harness.session;
    expect(traffic.requestsOutside(MAPPED_HOSTS)).toEqual([]);
    const allowed: readonly string[] = BROWSER_SERVICE_HOSTS[name];
    expect(subject.harness.catchAll.hosts.filter((host) => !allowed.includes(host))).toEqual([]);
    expect(traffic.errors).toEqual([]);
    console.log(`timeline/print figures (${name}):`, JSON.stringify(measured));
  });
});
