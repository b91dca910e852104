/**
 * Backstory as a reader meets it on the article page, in Chromium and in
 * Firefox ESR: highlights, cards by pointer and keyboard, background notes,
 * pages that re-render or navigate on the client, a lookalike host, and no
 * traffic off the machine. The pointer and keys are real input; positions
 * come from DOM Ranges over the page's own text.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRecord, entityRecord, noteRecord } from './support/annotation-data';
import type { BrowserName } from '../../lib/node/harness/browser-session';
import { startHarness, type Harness } from './support/harness';
import { armHoverClock, readHoverClock } from '../../lib/node/harness/hover-clock';
import { waitOnLayerRoot } from '../../lib/node/harness/layer-root';
import type { ChromiumSession } from '../../lib/node/harness/chromium';
import { BROWSER_SERVICE_HOSTS, LOOKALIKE_HOST, MAPPED_HOSTS, TRAILING_DOT_HOST } from '../../lib/node/harness/hosts';
import {
  annotatedCount,
  cardBox,
  cardSettled,
  contentScriptStarted,
  highlightedRangeCount,
  highlightRangesInside,
  highlightSizes,
  highlightTexts,
  layerCount,
  readCard,
  waitForAnnotated,
  waitForCard,
  waitForNoCard,
  wordPoint,
  type WordTarget,
} from '../../lib/node/harness/page-probe';
import { ARTICLE_PATH, ARTICLE_SELECTOR } from '../../lib/node/harness/paths';
import { moveTo, NEUTRAL_POINT, nextAnnotation, previousAnnotation, sleep } from '../../lib/node/harness/reader-input';
import { saveScreenshot } from '../../lib/node/harness/screenshots';
import { singlePageAppShell } from './support/variant-pages';

const ENTITY_HIGHLIGHT = 'backstory-entity';
const NOTE_HIGHLIGHT = 'backstory-note';
const PARAGRAPHS = `${ARTICLE_SELECTOR} main p`;

const araghchi = entityRecord('abbas-araghchi');
const beltAndRoadNote = noteRecord('belt-and-road-and-iran');

/** "Araghchi" in the body paragraph that names him first. */
const ARAGHCHI: WordTarget = { selector: PARAGRAPHS, word: 'Araghchi', context: 'Abbas Araghchi is traveling' };
/** A word inside a note's passage that is no entity mention. */
const NOTE_PASSAGE: WordTarget = { selector: PARAGRAPHS, word: 'struck', context: 'Only two major deals were struck between 2013 and 2023' };

/** Every path the fixture server may be asked for by these tests. */
const EXPECTED_PATHS = [
  ARTICLE_PATH,
  '/en',
  '/assets/site.css',
  '/assets/khamenei-xi-2016.svg',
  '/assets/zarif-wang-2021.svg',
  '/favicon.ico',
];

/** Hover-to-card times measured in this run, printed at the end. */
const hoverTimes: Partial<Record<BrowserName, number[]>> = {};

afterAll(() => {
  for (const [name, times] of Object.entries(hoverTimes)) {
    console.info(`[e2e] ${name} hover-to-card: ${times.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
  }
});

describe.each(['chromium', 'firefox'] as const)('a reader in %s', (name) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(name);
    harness.server.route('/en', singlePageAppShell());
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  async function openArticle() {
    const page = await harness.session.openPage(ARTICLE_PATH);
    const detail = await waitForAnnotated(page);
    return { page, detail };
  }

  /** Rests the pointer on `target`; returns the card that opens and the measured hover-to-card time. */
  async function hoverUntilCard(page: Page, target: WordTarget, title: string) {
    await moveTo(page, NEUTRAL_POINT);
    const point = await wordPoint(page, target);
    await armHoverClock(page);
    await moveTo(page, point);
    const card = await waitForCard(page, title);
    const ms = await readHoverClock(page);
    (hoverTimes[name] ??= []).push(ms);
    return { card, ms, point };
  }

  it('highlights the article’s terms and note passages, and only inside the article', async () => {
    const { page, detail } = await openArticle();
    expect(detail.orphans).toBe(0);
    expect(detail.mentions).toBeGreaterThan(20);

    const sizes = await highlightSizes(page);
    expect(sizes[ENTITY_HIGHLIGHT]).toBe(detail.mentions);
    expect(sizes[NOTE_HIGHLIGHT]).toBe(detail.noteRanges);
    expect(detail.notes).toBe(articleRecord().notes.length);
    const terms = await highlightTexts(page, ENTITY_HIGHLIGHT);
    expect(terms).toEqual(expect.arrayContaining(['Foreign Minister Abbas Araghchi', 'Xi Jinping', 'US envoy Steve Witkoff', 'Muscat']));
    // The next story, appended below the article, names entities too: it is left alone.
    expect(await highlightRangesInside(page, ENTITY_HIGHLIGHT, ARTICLE_SELECTOR)).toBe(true);
    expect(await highlightRangesInside(page, NOTE_HIGHLIGHT, ARTICLE_SELECTOR)).toBe(true);

    await page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView({ block: 'start' }), PARAGRAPHS);
    await saveScreenshot(page, `${name}-article-highlighted`);
    await page.close();
  });

  it('opens an entity card when the pointer rests on a term, keeps it while the pointer moves into it, closes it on Escape', async () => {
    const { page } = await openArticle();
    const { card, ms } = await hoverUntilCard(page, ARAGHCHI, araghchi.name);
    expect(card.kicker).toBe('Person');
    expect(card.lead).toBe(araghchi.description);
    // Dated to the article: what came after is set apart, and each fact says how many sources back it.
    expect(card.since).toBe('Since this article (22 April 2025)');
    expect(card.sourceCounts.length).toBeGreaterThan(0);
    for (const count of card.sourceCounts) expect(count).toMatch(/^(1 source|[2-9] sources|Official account only · (1 source|[2-9] sources))$/);
    expect(card.why).toContain(araghchi.name);
    // Hover intent: not before the ~400 ms dwell, and not long after it.
    expect(ms).toBeGreaterThanOrEqual(380);
    expect(ms).toBeLessThan(1_500);
    await cardSettled(page);
    await saveScreenshot(page, `${name}-card-light`);
    if (name === 'chromium') {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await saveScreenshot(page, `${name}-card-dark`);
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    }

    // Into the card, the way a hand moves: several steps across whatever lies between.
    const box = await cardBox(page);
    await moveTo(page, { x: box.x + Math.min(60, box.width / 2), y: box.y + Math.min(40, box.height / 2) }, 8);
    await sleep(900);
    expect((await readCard(page))?.title).toBe(araghchi.name);

    await page.keyboard.press('Escape');
    await waitForNoCard(page, 1_000);
    // Dismissed means dismissed: it does not come back while the pointer rests.
    await sleep(700);
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  it('keeps the card when the pointer crosses another highlight on its way into the card', async () => {
    const { page } = await openArticle();
    await hoverUntilCard(page, ARAGHCHI, araghchi.name);
    const box = await cardBox(page);
    // Right of the term on the same line lies a note passage ("… is traveling to Beijing on Tuesday").
    // A hand heading for the card's middle passes over it for a moment (well under the 400 ms dwell).
    const passage = await wordPoint(page, { selector: PARAGRAPHS, word: 'traveling', context: 'Abbas Araghchi is traveling' });
    await moveTo(page, passage, 4);
    await sleep(150);
    await moveTo(page, { x: Math.min(passage.x, box.x + box.width - 24), y: box.y + 60 }, 4);
    await sleep(900);
    // WCAG 2.2 SC 1.4.13 (hoverable): the card under the pointer stays the one the reader opened.
    expect((await readCard(page))?.title).toBe(araghchi.name);
    await page.close();
  });

  it('opens cards from the keyboard alone (Alt+Shift+ArrowRight / ArrowLeft), with focus in the card', async () => {
    const { page } = await openArticle();
    await nextAnnotation(page);
    const first = await waitForCard(page);
    // The first annotation in reading order: "Khamenei" in the headline.
    expect(first.title).toBe('Ali Khamenei');
    expect(first.focused).toBe(true);
    expect(await highlightSizes(page)).toMatchObject({ 'backstory-focus': 1 });

    await nextAnnotation(page);
    await waitOnLayerRoot(page, (root, previous) => root.querySelector('.card__title')?.textContent?.trim() !== previous, first.title, 2_000);
    expect((await readCard(page))?.focused).toBe(true);

    // Alt+Shift+ArrowLeft goes back.
    await previousAnnotation(page);
    expect((await waitForCard(page, first.title, 2_000)).focused).toBe(true);

    await page.keyboard.press('Escape');
    await waitForNoCard(page, 1_000);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.close();
  });

  it('opens a background note from its passage', async () => {
    const { page } = await openArticle();
    const { card } = await hoverUntilCard(page, NOTE_PASSAGE, beltAndRoadNote.title);
    expect(card.kicker).toBe('Background note');
    expect(card.lead).toBe(beltAndRoadNote.body[0]);
    if (name === 'chromium') {
      await cardSettled(page);
      await saveScreenshot(page, `${name}-note-card`);
    }
    await page.close();
  });

  it('puts the highlights back when the page re-renders the article with fresh nodes', async () => {
    const { page } = await openArticle();
    const before = await highlightSizes(page);
    const passes = await annotatedCount(page);
    await page.evaluate((selector) => {
      const main = document.querySelector(`${selector} main`)!;
      main.replaceChildren(...Array.from(main.childNodes, (node) => node.cloneNode(true)));
    }, ARTICLE_SELECTOR);
    await waitForAnnotated(page, passes + 1, 10_000);
    expect(await highlightSizes(page)).toEqual(before);
    expect(await highlightRangesInside(page, ENTITY_HIGHLIGHT, ARTICLE_SELECTOR)).toBe(true);
    // The new highlights are live: the card opens from the new text.
    const { card } = await hoverUntilCard(page, ARAGHCHI, araghchi.name);
    expect(card.lead).toBe(araghchi.description);
    await page.close();
  });

  it('lets a page script that holds a text node change its text', async () => {
    const page = await harness.session.newPage('held text node');
    // Like a framework keeping references from its first render, before Backstory runs.
    await page.evaluateOnNewDocument((selector) => {
      document.addEventListener('DOMContentLoaded', () => {
        const paragraph = Array.from(document.querySelectorAll(selector)).find((p) => p.textContent?.includes('Araghchi is traveling'));
        (window as unknown as { heldText: Text }).heldText = paragraph!.firstChild as Text;
      });
    }, PARAGRAPHS);
    await page.goto(harness.session.url(ARTICLE_PATH));
    await waitForAnnotated(page);
    const passes = await annotatedCount(page);

    const rewritten = 'Rewritten by the page: Wang Yi met Araghchi in Beijing.';
    const after = await page.evaluate((text) => {
      const node = (window as unknown as { heldText: Text }).heldText;
      node.data = text;
      return { connected: node.isConnected, paragraph: node.parentElement?.textContent };
    }, rewritten);
    expect(after).toEqual({ connected: true, paragraph: rewritten });
    await waitForAnnotated(page, passes + 1);
    expect(await highlightTexts(page, ENTITY_HIGHLIGHT)).toContain('Wang Yi');
    await page.close();
  });

  it('follows client-side navigation to the article and away from it', async () => {
    const page = await harness.session.openPage('/en');
    await page.waitForFunction(() => performance.getEntriesByName('backstory:start').length > 0, { timeout: 5_000 });
    expect(await highlightedRangeCount(page)).toBe(0);

    const navigatedAt = await page.evaluate((path) => {
      const at = performance.now();
      history.pushState({}, '', path);
      const template = document.getElementById('article-template') as HTMLTemplateElement;
      document.getElementById('app')!.replaceChildren(template.content.cloneNode(true));
      return at;
    }, ARTICLE_PATH);
    await waitForAnnotated(page, 1, 5_000);
    const annotatedAfter = await page.evaluate(
      (at) => performance.getEntriesByName('backstory:annotated')[0].startTime - at,
      navigatedAt,
    );
    expect(annotatedAfter).toBeLessThan(1_000);
    expect(await highlightedRangeCount(page)).toBeGreaterThan(20);

    await page.evaluate(() => {
      history.pushState({}, '', '/en');
      document.getElementById('app')!.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Latest news' }));
    });
    await page.waitForFunction(
      (prefix) => Array.from(CSS.highlights.keys()).every((key) => !key.startsWith(prefix)),
      { timeout: 3_000 },
      'backstory-',
    );
    expect(await layerCount(page)).toBe(0);
    await page.close();
  });

  it(`does nothing on the lookalike host ${LOOKALIKE_HOST}`, async () => {
    const page = await harness.session.openPage(ARTICLE_PATH, LOOKALIKE_HOST);
    // Content scripts run at document_idle: give one ample time to (not) start.
    await sleep(1_500);
    expect(await contentScriptStarted(page)).toBe(false);
    expect(await highlightedRangeCount(page)).toBe(0);
    expect(await layerCount(page)).toBe(0);
    await page.close();
  });

  it(`stays inert on the trailing-dot spelling ${TRAILING_DOT_HOST}: no highlights, no notes, no card layer, no badge`, async () => {
    const page = await harness.session.openPage(ARTICLE_PATH, TRAILING_DOT_HOST);
    await sleep(1_500);
    expect(await page.evaluate(() => location.hostname)).toBe(TRAILING_DOT_HOST);
    // Chromium injects the script there (its patterns match), Firefox does not: both show nothing.
    expect(await contentScriptStarted(page)).toBe(false);
    expect(await highlightedRangeCount(page)).toBe(0);
    expect(await layerCount(page)).toBe(0);
    if (name === 'chromium') {
      const session = harness.session as ChromiumSession;
      const before = await session.badgeTexts();
      expect(before.length).toBeGreaterThan(0);
      expect(before.filter((text) => text !== '')).toEqual([]);
      // The control: the same page on the real host gets its badge.
      const article = await harness.session.openPage(ARTICLE_PATH);
      await waitForAnnotated(article);
      await sleep(300);
      const badges = await session.badgeTexts();
      expect(badges.filter((text) => text !== '')).toHaveLength(1);
      await article.close();
    }
    await page.close();
  });

  // Runs last: it checks the traffic of every visit above.
  it('sent nothing off the machine and logged no errors during these visits', () => {
    const { traffic } = harness.session;
    expect(traffic.requests.length).toBeGreaterThan(0);
    expect(traffic.requestsOutside(MAPPED_HOSTS)).toEqual([]);
    expect(harness.server.requests.filter((r) => !EXPECTED_PATHS.includes(r.path))).toEqual([]);
    expect(harness.server.requests.filter((r) => !MAPPED_HOSTS.includes(r.host.replace(/:\d+$/, '')))).toEqual([]);
    const allowed: readonly string[] = BROWSER_SERVICE_HOSTS[name];
    expect(harness.catchAll.hosts.filter((host) => !allowed.includes(host))).toEqual([]);
    expect(traffic.errors).toEqual([]);
  });
});
