/**
 * `npx tsx bench/timeline-pages.ts` (after `npm run build`): rendered times
 * of the timeline and the print page in Chromium with the built extension,
 * on the article served locally. Figures, not a test; medians of 7 runs.
 *
 * - popup timeline: the real toolbar popup's Timeline tab, click to list
 *   painted (two animation frames), after the popup has its report;
 * - print page and full-tab timeline: navigation start of the page to its
 *   own render mark (data script, messages to the article's tab, render).
 */
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { startChromium } from '../tests/e2e/support/harness';
import { waitForAnnotated } from '../lib/node/harness/page-probe';
import { ARTICLE_PATH } from '../lib/node/harness/paths';
import { spread } from './stats';

declare const chrome: ExtensionApi;

const RUNS = 7;
const harness = await startChromium();
try {
  const { session } = harness;
  const article = await session.openPage(ARTICLE_PATH);
  await waitForAnnotated(article);
  for (const other of await session.browser.pages()) if (other !== article) await other.close();

  const popupRuns: number[] = [];
  const popup = await session.openToolbarPopup(article);
  await popup.waitForSelector('#view-tab-timeline');
  for (let i = 0; i < RUNS; i++) {
    popupRuns.push(
      await popup.evaluate(async () => {
        document.querySelector<HTMLButtonElement>('#view-tab-summary')!.click();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const started = performance.now();
        document.querySelector<HTMLButtonElement>('#view-tab-timeline')!.click();
        while (!document.querySelector('[data-testid="timeline"] li.tl-item')) await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.now() - started;
      }),
    );
  }
  await popup.close();

  // The article's tab id, asked from an extension page (no `tabs` permission needed for ids).
  const helper = await session.newPage('helper');
  await helper.goto(`chrome-extension://${session.extensionId}/timeline.html`);
  const tabId = await helper.evaluate(async () => {
    const self = await chrome.tabs.getCurrent();
    return (await chrome.tabs.query({})).find((tab) => tab.id !== self?.id)!.id!;
  });
  await helper.close();

  const pageRuns = async (page: 'print' | 'timeline'): Promise<number[]> => {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const tab = await session.newPage(page);
      await tab.goto(`chrome-extension://${session.extensionId}/${page}.html?tab=${tabId}`);
      await tab.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { polling: 20 }, `backstory:${page}-rendered`);
      runs.push(await tab.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, `backstory:${page}-rendered`));
      await tab.close();
    }
    return runs;
  };
  const rows: [string, number[]][] = [
    ['popup: Timeline tab click to painted list', popupRuns],
    ['print page: navigation to rendered', await pageRuns('print')],
    ['full-tab timeline: navigation to rendered', await pageRuns('timeline')],
  ];
  for (const [label, runs] of rows) {
    const { median, min, max } = spread(runs);
    console.log(`${label.padEnd(44)} median ${median.toFixed(0)} ms  (min ${min.toFixed(0)}, max ${max.toFixed(0)}, ${runs.length} runs)`);
  }
} finally {
  await harness.stop();
}
