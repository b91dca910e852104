/**
 * One measured page load with the extension: a fresh tab, a trace from
 * before navigation until Backstory has annotated and the next frame is
 * drawn, and the busy time read from it (busy-time.ts).
 *
 * The benchmark must not run script in the page while Backstory works, or
 * it would be measuring itself: it waits without touching the page, then
 * polls for the annotated mark, and each poll leaves a `bench:poll` mark so
 * the analysis can leave out a poll that lands in the window.
 */
import type { Browser } from 'puppeteer-core';
import { measureBackstory, type BackstoryTraceMeasurement } from './busy-time';
import { stopTrace, TRACE_CATEGORIES } from './trace-tasks';

export interface PageLoadOptions {
  url: string;
  /** How long to leave the page alone after `load` before the first poll. */
  quietMs: number;
  timeoutMs: number;
  /** Write the raw trace here (for chrome://tracing or DevTools). */
  tracePath?: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Time for the frame after the annotated mark to be drawn before the trace stops. */
const SETTLE_AFTER_ANNOTATED_MS = 500;
const POLL_MS = 250;

export async function measureBackstoryPageLoad(browser: Browser, options: PageLoadOptions): Promise<BackstoryTraceMeasurement> {
  const page = await browser.newPage();
  try {
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    await page.goto(options.url, { waitUntil: 'load', timeout: options.timeoutMs });
    await sleep(options.quietMs);
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const done = await page.evaluate(() => {
        performance.mark('bench:poll');
        return performance.getEntriesByName('backstory:annotated').length > 0;
      });
      if (done) break;
      if (Date.now() > deadline) throw new Error(`Backstory did not annotate ${options.url} within ${options.timeoutMs} ms`);
      await sleep(POLL_MS);
    }
    await sleep(SETTLE_AFTER_ANNOTATED_MS);
    return measureBackstory(await stopTrace(page, options.tracePath));
  } finally {
    await page.close();
  }
}
