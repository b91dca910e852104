/**
 * The peer: mark.js highlighting the same terms on the same page, in a
 * browser without the extension. The page is loaded and left to settle
 * first; mark.js is injected before tracing starts (as Backstory's script
 * evaluation is outside its window too). Then, in the page:
 * mark → new Mark(article).mark(terms) → force layout → two animation
 * frames (so the first frame after the change is painted) → mark. The busy
 * time between the two marks is mark.js's cost, style, layout and paint included.
 *
 * mark.js takes the terms longest first and, for each, walks the whole text
 * again; it chains the terms by recursion, so one call with 2,000 terms
 * overflows the stack ("Invalid regular expression: Stack overflow" after
 * some hundreds). The terms are therefore passed in consecutive chunks of
 * the same longest-first order, in the same task: the same work in the same
 * order as one call would do if it could.
 */
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { measureBetweenMarks, type BusyMeasurement } from './busy-time';
import { stopTrace, TRACE_CATEGORIES } from './trace-tasks';

export const MARKJS_OPTIONS = { acrossElements: true, separateWordSearch: false, accuracy: 'exactly' } as const;

/** Small enough for mark.js's recursion to stay within the stack. */
const TERMS_PER_CALL = 100;

const MARKJS_PATH = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');

export interface MarkjsMeasurement extends BusyMeasurement {
  /** What mark.js's `done` callback reports: <mark> elements made, so a match split across elements counts twice. */
  marks: number;
}

export interface MarkjsRunOptions {
  url: string;
  terms: readonly string[];
  timeoutMs: number;
  tracePath?: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function measureMarkjs(browser: Browser, options: MarkjsRunOptions): Promise<MarkjsMeasurement> {
  const page = await browser.newPage();
  page.setDefaultTimeout(options.timeoutMs);
  try {
    await page.goto(options.url, { waitUntil: 'load', timeout: options.timeoutMs });
    await page.addScriptTag({ path: MARKJS_PATH });
    // Let the page finish its first layout and paint before measuring.
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    await sleep(300);
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    const marks = await page.evaluate(
      async (terms, markOptions, chunkSize) => {
        type MarkInstance = { mark(terms: string[], options: Record<string, unknown>): void };
        const MarkClass = (window as unknown as { Mark: new (context: Element) => MarkInstance }).Mark;
        performance.mark('bench:markjs-start');
        let count = 0;
        const article = document.querySelector('article');
        if (!article) throw new Error('no article element');
        const marker = new MarkClass(article);
        const callOptions: Record<string, unknown> = { ...markOptions };
        // Assigned, not written as `{ done: () => ... }`: tsx would wrap a named
        // function in a `__name` helper that does not exist in the page.
        callOptions.done = (total: number) => (count += total);
        const longestFirst = [...terms].sort((a, b) => b.length - a.length);
        for (let i = 0; i < longestFirst.length; i += chunkSize) marker.mark(longestFirst.slice(i, i + chunkSize), callOptions);
        void document.body.offsetHeight;
        await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
        performance.mark('bench:markjs-end');
        return count;
      },
      [...options.terms],
      MARKJS_OPTIONS,
      TERMS_PER_CALL,
    );
    return { ...measureBetweenMarks(await stopTrace(page, options.tracePath), 'bench:markjs-start', 'bench:markjs-end'), marks };
  } finally {
    await page.close();
  }
}
