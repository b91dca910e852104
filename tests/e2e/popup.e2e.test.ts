/**
 * The real toolbar popup on the article's tab, in Chromium and Firefox ESR:
 * what it shows, revealing an entity on the page, and the "Highlights on
 * this page" switch, after which the page must be exactly as the publisher
 * sent it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRecord, entityRecord, noteRecord } from './support/annotation-data';
import { startChromium, startFirefox, type Harness } from './support/harness';
import { BROWSER_SERVICE_HOSTS, LOOKALIKE_HOST, MAPPED_HOSTS } from '../../lib/node/harness/hosts';
import {
  annotatedCount,
  documentHtml,
  highlightedRangeCount,
  layerCount,
  scrollY,
  textInViewport,
  waitForAnnotated,
  waitForCard,
  waitForScrollEnd,
} from '../../lib/node/harness/page-probe';
import { ARTICLE_PATH, ARTICLE_SELECTOR } from '../../lib/node/harness/paths';
import { ChromiumPopup, FirefoxPopup, waitForPopupView, type PopupDriver } from '../../lib/node/harness/popup-driver';
import { sleep } from '../../lib/node/harness/reader-input';

const article = articleRecord();
const entityNames = article.mentions.map((id) => entityRecord(id).name);
const noteTitles = article.notes.map((id) => noteRecord(id).title);
const PAGE_OFF_STATE = 'Highlights are off for this page.';
/** Named once, low in the article: revealing it must scroll. */
const BAGHAEI = entityRecord('esmail-baghaei');

interface Subject {
  name: 'chromium' | 'firefox';
  start(): Promise<{ harness: Harness; popup: PopupDriver }>;
}

const subjects: Subject[] = [
  {
    name: 'chromium',
    async start() {
      const harness = await startChromium();
      return { harness, popup: new ChromiumPopup(harness.session) };
    },
  },
  {
    name: 'firefox',
    async start() {
      const harness = await startFirefox({ privileged: true });
      return { harness, popup: new FirefoxPopup(harness.session) };
    },
  },
];

describe.each(subjects)('the toolbar popup in $name', ({ name, start }) => {
  let harness: Harness;
  let popup: PopupDriver;
  let page: Page;
  /** The document as the publisher sent it, rendered where Backstory does not run. */
  let untouchedHtml: string;

  beforeAll(async () => {
    ({ harness, popup } = await start());
    const lookalike = await harness.session.openPage(ARTICLE_PATH, LOOKALIKE_HOST);
    untouchedHtml = await documentHtml(lookalike);
    page = await harness.session.openPage(ARTICLE_PATH);
    await waitForAnnotated(page);
    // The article must be the only other tab when Chromium's popup looks for it.
    for (const other of await harness.session.browser.pages()) if (other !== page) await other.close();
    await popup.open(page);
  }, 90_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('shows the article summary, the entities found and the background notes', async () => {
    const view = await waitForPopupView(popup, (v) => v.entities.length > 0);
    expect(view.headline).toBe(article.headline);
    expect(view.summary).toHaveLength(article.summary.length);
    expect(view.summary[0]).toContain(article.summary[0].text);
    expect(view.entities.length).toBeGreaterThan(20);
    expect(view.entities).toEqual(expect.arrayContaining(entityNames));
    expect(view.notes).toEqual(expect.arrayContaining(noteTitles));
    expect(view.notes).toHaveLength(noteTitles.length);
    expect(view.orphans).toEqual([]);
    expect(view.found).toBe(`Found on this page (${view.entities.length + view.notes.length})`);
    expect(view.pageSwitchOn).toBe(true);
    await popup.screenshot(`${name}-popup`);
    await popup.scrollTo('#found-title');
    await popup.screenshot(`${name}-popup-found`);
    await popup.scrollTo('main.popup');
  });

  it('scrolls the page to an entity and opens its card when its button is clicked', async () => {
    expect(await scrollY(page)).toBe(0);
    expect(await textInViewport(page, `${ARTICLE_SELECTOR} main p`, 'Esmail Baghaei')).toBe(false);
    await popup.clickEntity(BAGHAEI.name);
    const card = await waitForCard(page, BAGHAEI.name);
    expect(card.lead).toBe(BAGHAEI.description);
    expect(await waitForScrollEnd(page)).toBeGreaterThan(0);
    expect(await textInViewport(page, `${ARTICLE_SELECTOR} main p`, 'Esmail Baghaei')).toBe(true);
  });

  it('turns highlights off for the page, leaving the document exactly as the publisher sent it', async () => {
    await popup.clickPageSwitch();
    await page.waitForFunction(() => Array.from(CSS.highlights.keys()).every((k) => !k.startsWith('backstory-')), { timeout: 5_000 });
    expect(await highlightedRangeCount(page)).toBe(0);
    expect(await layerCount(page)).toBe(0);
    expect(await documentHtml(page)).toBe(untouchedHtml);
    const view = await waitForPopupView(popup, (v) => v.states.includes(PAGE_OFF_STATE));
    expect(view.pageSwitchOn).toBe(false);
    expect(view.entities).toEqual([]);
  });

  it('turns them back on', async () => {
    const passes = await annotatedCount(page);
    await popup.clickPageSwitch();
    await waitForAnnotated(page, passes + 1);
    expect(await highlightedRangeCount(page)).toBeGreaterThan(20);
    await waitForPopupView(popup, (v) => v.pageSwitchOn === true && v.entities.length > 0);
  });

  it('sent nothing off the machine and logged no errors', async () => {
    // Give any late request from the popup or background a moment to show up.
    await sleep(300);
    const { traffic } = harness.session;
    expect(traffic.requestsOutside(MAPPED_HOSTS)).toEqual([]);
    const allowed: readonly string[] = BROWSER_SERVICE_HOSTS[name];
    expect(harness.catchAll.hosts.filter((host) => !allowed.includes(host))).toEqual([]);
    expect(traffic.errors).toEqual([]);
  });
});
