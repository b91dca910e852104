/**
 * The page re-renders the article, as a client-side framework does on
 * hydration: the benchmark replaces the article's content with a fresh copy
 * of its nodes and measures how soon the highlights are back (busy-time.ts
 * measureRerender). Backstory's code is warm by then, so this is also its
 * cost without the first-run compile and tier-up of a fresh page.
 */
import type { Browser, Page } from 'puppeteer-core';
import { measureRerender, type RerenderMeasurement } from './busy-time';
import { stopTrace, TRACE_CATEGORIES } from './trace-tasks';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitForAnnotations(page: Page, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await page.evaluate(() => {
      performance.mark('bench:poll');
      return performance.getEntriesByName('backstory:annotated').length;
    });
    if (seen >= count) return;
    if (Date.now() > deadline) throw new Error(`Backstory did not annotate ${count} time(s) within ${timeoutMs} ms`);
    await sleep(50);
  }
}

export async function measureRerenderOnce(
  browser: Browser,
  options: { url: string; timeoutMs: number; tracePath?: string },
): Promise<RerenderMeasurement> {
  const page = await browser.newPage();
  try {
    await page.goto(options.url, { waitUntil: 'load', timeout: options.timeoutMs });
    await waitForAnnotations(page, 1, options.timeoutMs);
    await sleep(1000);
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    await page.evaluate(() => {
      const content = document.querySelector('article main') ?? document.querySelector('article');
      if (!content) throw new Error('no article on the page');
      performance.mark('bench:rerender');
      content.replaceWith(content.cloneNode(true));
    });
    await waitForAnnotations(page, 2, options.timeoutMs);
    await sleep(300);
    return measureRerender(await stopTrace(page, options.tracePath));
  } finally {
    await page.close();
  }
}
