/**
 * `npm run bench:text-index -- [--before REV] [--runs N] [--no-firefox] [--isolated]`:
 * the text index (lib/content/text-index.ts) of this checkout against the one
 * at git revision REV, in the same run, in Chromium and Firefox, on the big
 * pages of the stress benchmark (stress-pages.ts) that stress the walk: 10 MB
 * of article (cut at annotate-page.ts' MAX_TEXT_CHARS, as the content script
 * does), a single 2 MB text node and 200,000 text nodes.
 *
 * Per page, implementation and run: the walk sliced as the content script
 * slices it (a setTimeout(0) yield whenever SLICE_MS of work is used up),
 * its longest slice (what the page waits for at worst; it includes garbage
 * collection that falls in it) and total work; then 2,000 offsetOf and
 * 2,000 toRange calls at random places, their median and worst. Runs
 * alternate before/after; medians are printed and written to
 * artifacts/bench/text-index.json. The default REV is the last commit where
 * textIndexSteps was one 256-line function.
 *
 * By default it runs in the page's main world, not in a content script's:
 * there a DOM node's JS wrapper costs the garbage collector less, so what
 * holding wrappers costs the content script (text-node-finder.ts) shows only
 * in `npm run bench -- --stress-only`. With `--isolated` (Chromium only) each
 * build runs in a fresh isolated world made over DevTools, the kind of world
 * a content script gets, on the 1 MB page of `npm run bench` as well: every
 * figure is then a first build, whose cost is mostly DOM calls and wrappers
 * made in that world and garbage collection (50-70 ms there against 7-12 ms
 * warm on the 1 MB page, 2 December 2026).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from 'vite';
import { MAX_TEXT_CHARS } from '../lib/content/annotate-page';
import { SLICE_MS } from '../lib/content/yield-to-main';
import { PROJECT_DIR } from './build-extension';
import { CHROMIUM_PATH } from './chromium';
import { spread } from './stats';
import { stressPages } from './stress-pages';
import { syntheticEntities, syntheticPage } from './synthetic-page';
import { FIREFOX_PATH } from './stress';
import type { Figures } from './text-index-page';

const PAGES = ['ten-mb', 'one-node-2mb', 'nodes-200k'];
const DEFAULT_BEFORE = 'd4ade83';

/** The two implementations, bundled for the page as `window.__indexes`. */
async function bundle(before: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-text-index-'));
  try {
    // The whole of lib/ at REV: the text index has been one file and several modules.
    const archive = execFileSync('git', ['archive', before, 'lib'], { cwd: PROJECT_DIR, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    // Where the text index lived at REV (lib/text/ before the layers of decision 0030).
    const beforeIndex = ['lib/content/text-index.ts', 'lib/text/text-index.ts'].find((file) => existsSync(join(dir, file)));
    if (!beforeIndex) throw new Error(`no text index in lib/ at ${before}`);
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { textIndexSteps as before } from ${JSON.stringify(join(dir, beforeIndex))};\n` +
        `import { textIndexSteps as after } from ${JSON.stringify(join(PROJECT_DIR, 'lib/content/text-index.ts'))};\n` +
        `import { measureTextIndex } from ${JSON.stringify(join(PROJECT_DIR, 'bench/text-index-page.ts'))};\n` +
        `(window as any).__measure = (which: 'before' | 'after', maxChars: number, sliceMs: number) =>\n` +
        `  measureTextIndex(which === 'before' ? before : after, maxChars, sliceMs);\n`,
    );
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'textIndexBench' } },
    });
    const chunks = (Array.isArray(output) ? output[0] : output) as { output: { type: string; code?: string }[] };
    return chunks.output.find((c) => c.type === 'chunk')!.code!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function launch(name: 'chromium' | 'firefox'): Promise<Browser> {
  return name === 'chromium'
    ? puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, pipe: true, protocolTimeout: 300_000, args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] })
    : puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, protocolTimeout: 300_000 });
}

/**
 * Evaluates `expression` in a new isolated world of the tab's main frame (what
 * a content script runs in), awaiting a promise and returning its value.
 */
async function isolatedWorld(tab: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await tab.createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'text-index-bench' });
  return async (expression) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      before: { type: 'string' },
      runs: { type: 'string' },
      'no-firefox': { type: 'boolean', default: false },
      isolated: { type: 'boolean', default: false },
    },
  });
  const before = values.before ?? DEFAULT_BEFORE;
  const runs = Number(values.runs ?? 5);
  const isolated = values.isolated;
  const script = await bundle(before);
  const pages: { id: string; html: string }[] = stressPages().filter((p) => PAGES.includes(p.id));
  if (isolated) pages.push({ id: 'long-1mb', html: syntheticPage(syntheticEntities()).html });
  // Firefox has no isolated world to make from outside.
  const browsers: ('chromium' | 'firefox')[] = values['no-firefox'] || isolated ? ['chromium'] : ['chromium', 'firefox'];
  const results: { browser: string; page: string; which: string; runs: Figures[] }[] = [];
  const load = loadavg()[0];
  for (const name of browsers) {
    const browser = await launch(name);
    try {
      for (const page of pages) {
        // The page without its probe script: only the DOM is needed.
        const html = page.html.replace(/<script>[\s\S]*?<\/script>/, '');
        const rows = { before: [] as Figures[], after: [] as Figures[] };
        for (let run = 0; run < runs; run++) {
          for (const which of run % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
            const tab = await browser.newPage();
            await tab.setContent(html, { waitUntil: 'load', timeout: 300_000 });
            const evaluate = isolated ? await isolatedWorld(tab) : (expression: string) => tab.evaluate(expression);
            if (isolated) await evaluate(script);
            else await tab.addScriptTag({ content: script });
            // Let the page's own first layout and paint finish first.
            await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
            rows[which].push((await evaluate(`__measure(${JSON.stringify(which)}, ${MAX_TEXT_CHARS}, ${SLICE_MS})`)) as Figures);
            await tab.close();
          }
        }
        for (const which of ['before', 'after'] as const) {
          results.push({ browser: name, page: page.id, which, runs: rows[which] });
          const m = (pick: (f: Figures) => number) => spread(rows[which].map(pick)).median;
          console.log(
            `${name.padEnd(8)} ${page.id.padEnd(13)} ${which.padEnd(6)} longest slice ${m((f) => f.longestSliceMs).toFixed(1)} ms ` +
              `(longest step ${m((f) => f.longestStepMs).toFixed(1)}, last ${m((f) => f.lastStepMs).toFixed(1)}), ` +
              `walk ${m((f) => f.workMs).toFixed(0)} ms (${m((f) => f.textChars).toLocaleString('en')} chars); ` +
              `offsetOf median ${m((f) => f.offsetOfMedianUs).toFixed(1)} µs worst ${m((f) => f.offsetOfWorstUs).toFixed(0)} µs; ` +
              `toRange median ${m((f) => f.toRangeMedianUs).toFixed(1)} µs worst ${m((f) => f.toRangeWorstUs).toFixed(0)} µs`,
          );
        }
      }
    } finally {
      await browser.close();
    }
  }
  const reportPath = join(PROJECT_DIR, 'artifacts/bench/text-index.json');
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, JSON.stringify({ before, runs, isolated, loadAtStart: load, loadAtEnd: loadavg()[0], results }, null, 2));
  const world = isolated ? 'first builds in fresh isolated worlds' : "the page's main world";
  console.log(`load average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end; medians of ${runs} runs (${world}); report ${reportPath}`);
}

await main();
