/**
 * `npx tsx bench/timeline-pages.ts` (after `npm run build`): rendered times
 * of the timeline and the print page in Chromium with the built extension,
 * on the article served locally. Figures, not a test; medians of 7 runs.
 *
 * - popup opened on the Timeline (the "renders within 100 ms of
 *   the popup opening"): the popup opens on the view the reader chose last;
 *   a fresh toolbar popup each run, from its navigation start to its
 *   `popup-timeline` mark (set once the timeline is on screen);
 * - popup opened on the Summary, Timeline chosen at once: from navigation
 *   start to what it found on screen (its `popup-ready` mark), then the
 *   Timeline tab clicked and the list painted (two animation frames; the
 *   panel must be shown, not only rendered ahead). The sum is the reader
 *   who chooses Timeline the instant the popup can take the click; the
 *   parts are printed too. The first click in a popup runs cold code, as
 *   the reader's does;
 * - Timeline tab click to painted list, again and again in one popup
 *   (warm code): the figure this benchmark gave before;
 * - print page and full-tab timeline: navigation start of the page to its
 *   own render mark (data script, messages to the article's tab, render);
 *   the print page puts the article and its endnotes on screen first and
 *   the glossary and the timeline in the step after: both marks.
 */
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { startChromium } from '../tests/e2e/support/harness';
import { waitForAnnotated } from '../lib/node/harness/page-probe';
import { ARTICLE_PATH } from '../lib/node/harness/paths';
import { spread } from './stats';

declare const chrome: ExtensionApi;

const RUNS = 7;

/** In the popup: clicks the Timeline tab and waits for the list to be painted; ms from click to paint. */
async function clickTimelineTab(): Promise<number> {
  const started = performance.now();
  document.querySelector<HTMLButtonElement>('#view-tab-timeline')!.click();
  while (!document.querySelector('.view-panel:not([hidden]) [data-testid="timeline"] li.tl-item')) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - started;
}

const harness = await startChromium();
try {
  const { session } = harness;
  const article = await session.openPage(ARTICLE_PATH);
  await waitForAnnotated(article);
  for (const other of await session.browser.pages()) if (other !== article) await other.close();

  const readyRuns: number[] = [];
  const firstClickRuns: number[] = [];
  const openedRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const popup = await session.openToolbarPopup(article);
    await popup.waitForFunction(() => performance.getEntriesByName('backstory:popup-ready').length > 0, { polling: 'raf' });
    const { ready, click } = await popup.evaluate(`(async () => {
      const ready = performance.getEntriesByName('backstory:popup-ready')[0].startTime;
      const click = await (${clickTimelineTab.toString()})();
      // Back to the summary, so the next popup opens on it again.
      document.querySelector('#view-tab-summary').click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { ready, click };
    })()`) as { ready: number; click: number };
    readyRuns.push(ready);
    firstClickRuns.push(click);
    openedRuns.push(ready + click);
    await popup.close();
  }

  const popupRuns: number[] = [];
  const popup = await session.openToolbarPopup(article);
  await popup.waitForSelector('#view-tab-timeline');
  for (let i = 0; i < RUNS; i++) {
    await popup.evaluate(async () => {
      document.querySelector<HTMLButtonElement>('#view-tab-summary')!.click();
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    popupRuns.push((await popup.evaluate(`(${clickTimelineTab.toString()})()`)) as number);
  }
  await popup.close();

  // The last view chosen above was the Timeline: each popup now opens on it.
  const openedOnTimelineRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const opened = await session.openToolbarPopup(article);
    await opened.waitForFunction(() => performance.getEntriesByName('backstory:popup-timeline').length > 0, { polling: 'raf' });
    openedOnTimelineRuns.push(await opened.evaluate(() => performance.getEntriesByName('backstory:popup-timeline')[0].startTime));
    await opened.close();
  }

  // The article's tab id, asked from an extension page (no `tabs` permission needed for ids).
  const helper = await session.newPage('helper');
  await helper.goto(`chrome-extension://${session.extensionId}/timeline.html`);
  const tabId = await helper.evaluate(async () => {
    const self = await chrome.tabs.getCurrent();
    return (await chrome.tabs.query({})).find((tab) => tab.id !== self?.id)!.id!;
  });
  await helper.close();

  const pageRuns = async (page: 'print' | 'timeline', marks: string[]): Promise<number[][]> => {
    const runs: number[][] = marks.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      const tab = await session.newPage(page);
      await tab.goto(`chrome-extension://${session.extensionId}/${page}.html?tab=${tabId}`);
      for (const [m, mark] of marks.entries()) {
        await tab.waitForFunction((name) => performance.getEntriesByName(name).length > 0, { polling: 20 }, mark);
        runs[m].push(await tab.evaluate((name) => performance.getEntriesByName(name)[0].startTime, mark));
      }
      await tab.close();
    }
    return runs;
  };
  const [printRendered, printComplete] = await pageRuns('print', ['backstory:print-rendered', 'backstory:print-complete']);
  const [timelineRendered] = await pageRuns('timeline', ['backstory:timeline-rendered']);
  const rows: [string, number[]][] = [
    ['popup: opened on the Timeline to it painted', openedOnTimelineRuns],
    ['popup: opened, Timeline chosen at once (sum)', openedRuns],
    ['  popup: opened to its report on screen', readyRuns],
    ['  popup: first Timeline click to painted', firstClickRuns],
    ['popup: Timeline tab click to painted, warm', popupRuns],
    ['print page: navigation to article + notes', printRendered],
    ['print page: navigation to complete', printComplete],
    ['full-tab timeline: navigation to rendered', timelineRendered],
  ];
  for (const [label, runs] of rows) {
    const { median, min, max } = spread(runs);
    console.log(`${label.padEnd(44)} median ${median.toFixed(0)} ms  (min ${min.toFixed(0)}, max ${max.toFixed(0)}, ${runs.length} runs)`);
  }
} finally {
  await harness.stop();
}
