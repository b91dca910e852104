/**
 * Start-up cost against the set's size (issue #16): the real build and the
 * same build with a set 20 times larger (scaled-set.ts), each in its own
 * Chromium, on the article load after load in turn. Reports the page's busy
 * time to placed highlights, what the page loads (the content script and the
 * analysis the background sends back) and the hover-to-card time over the
 * hover delay. No page of the publisher's loads the set itself
 * (docs/decisions/0031-matching-in-the-background.md), so all three should
 * stay where they are.
 */
import type { Browser } from 'puppeteer-core';
import { Window } from 'happy-dom';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPEN_DELAY_MS } from '../lib/content/hover-intent';
import { findArticleRoot } from '../lib/content/page/find-article-root';
import { buildTextIndex } from '../lib/content/text-index';
import { armHoverClock, readHoverClock } from '../lib/node/harness/hover-clock';
import { waitForAnnotated, waitForCard, wordPoint } from '../lib/node/harness/page-probe';
import { ARTICLE_SELECTOR } from '../lib/node/harness/paths';
import { moveTo, NEUTRAL_POINT } from '../lib/node/harness/reader-input';
import { runToEnd } from '../lib/shared/anchoring/match-quote';
import { analyseSteps } from '../lib/shared/analysis/analyse-text';
import { pageRecords } from '../lib/shared/analysis/page-records';
import { DATA_SCRIPT } from '../lib/shared/annotations/bundled-set';
import type { AnnotationSet } from '../lib/shared/annotations/types';
import { compileEntityForms } from '../lib/shared/mentions/entity-forms';
import { DEFAULT_SETTINGS } from '../lib/shared/settings';
import { extensionWithData, PROJECT_DIR, removeTemporaryBuild } from './build-extension';
import { withChromium } from './chromium';
import { contentScriptSize } from './content-script-size';
import { measureBackstoryPageLoad } from './measure-backstory';
import { scaledAnnotationSet } from './scaled-set';
import { type Spread, spread } from './stats';

export const SCALE_FACTOR = 20;
/**
 * Loads per side, at least. Busy time is wall-clock time on 2 cores: one
 * load's figure spreads over +-30% (25.6-53.3 ms in one run of six), so a
 * median of five could not tell 10% apart; an A/A run (--scale-factor 1)
 * shows the noise left.
 */
export const SCALED_SET_MIN_RUNS = 16;
/** One frame at 60 Hz: the first card must open within it of its hover delay. */
export const FRAME_MS = 1000 / 60;

export interface SetSide {
  entities: number;
  notes: number;
  sources: number;
  /** annotation-data.js, which only the background and the extension's pages load. */
  dataScriptBytes: number;
  /** The content script's files, gzipped. */
  contentScriptGzipBytes: number;
  /** The analysis the background sends the article's page, as JSON. */
  analysisBytes: number;
  /** The records the first card (Abbas Araghchi's) asks for, as JSON. */
  firstCardBytes: number;
  busyToPlacedMs: Spread;
  /** The thread time the page's renderer got in those tasks (busy time also counts waiting for a core the background may hold). */
  cpuToPlacedMs: Spread;
  longestTaskMs: Spread;
  /** Hover-to-card time minus the hover delay. */
  cardAfterDelayMs: Spread;
}

export interface ScaledSetReport {
  factor: number;
  today: SetSide;
  scaled: SetSide;
  checks: { busyWithin10Percent: boolean; loadWithin10Percent: boolean; cardWithinOneFrame: boolean };
}

/** The analysis the article's page receives with `set`, measured in Node on the bundled page copy. */
function analysisBytes(set: AnnotationSet): number {
  const article = set.articles.find((a) => a.id === 'iranintl-202504220389')!;
  const html = readFileSync(resolve(PROJECT_DIR, 'data/page-copies', `${article.id}.html`), 'utf8');
  const doc = new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const text = buildTextIndex(findArticleRoot(doc, article.headline)!).text;
  const request = { text, pageDate: article.published, articleId: article.id, entityTypes: [...DEFAULT_SETTINGS.entityTypes] };
  return Buffer.byteLength(JSON.stringify(runToEnd(analyseSteps(set, compileEntityForms(set.entities), request))));
}

async function hoverOnce(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await waitForAnnotated(page);
    await moveTo(page, NEUTRAL_POINT);
    const point = await wordPoint(page, { selector: `${ARTICLE_SELECTOR} main p`, word: 'Araghchi', context: 'Abbas Araghchi is traveling' });
    await armHoverClock(page);
    await moveTo(page, point);
    await waitForCard(page, 'Abbas Araghchi');
    return (await readHoverClock(page)) - OPEN_DELAY_MS;
  } finally {
    await page.close();
  }
}

export async function runScaledSet(
  set: AnnotationSet,
  buildDir: string,
  options: { serverPort: number; url: string; runs: number; warmup: number; log(message: string): void; factor?: number },
): Promise<ScaledSetReport> {
  // factor 1 gives an A/A run: two browsers with the same set, to see the noise between them.
  const factor = options.factor ?? SCALE_FACTOR;
  const scaledSet = scaledAnnotationSet(set, factor);
  const scaledDir = extensionWithData(buildDir, scaledSet);
  try {
    const busy = { today: [] as { busy: number; cpu: number; longest: number }[], scaled: [] as { busy: number; cpu: number; longest: number }[] };
    const hover = { today: [] as number[], scaled: [] as number[] };
    await withChromium({ serverPort: options.serverPort, extensionDir: buildDir }, ({ browser: today }) =>
      withChromium({ serverPort: options.serverPort, extensionDir: scaledDir }, async ({ browser: scaled }) => {
        const load = { url: options.url, quietMs: 1000, timeoutMs: 30_000 };
        for (let i = 0; i < options.warmup + options.runs; i++) {
          // Each side goes first in every other round: the second load of a
          // round runs while the first browser is still settling on 2 cores.
          const round = [['today', today], ['scaled', scaled]] as const;
          for (const [side, browser] of i % 2 === 0 ? round : [round[1], round[0]]) {
            const m = await measureBackstoryPageLoad(browser, load);
            if (i >= options.warmup) busy[side].push({ busy: m.toPlaced.busyMs, cpu: m.toPlaced.cpuMs, longest: m.longestTaskMs });
          }
        }
        for (let i = 0; i < options.runs; i++) {
          for (const [side, browser] of [['today', today], ['scaled', scaled]] as const) hover[side].push(await hoverOnce(browser, options.url));
        }
        options.log(
          `  busy to placed: today ${spread(busy.today.map((b) => b.busy)).median.toFixed(1)} ms, ${factor}x set ${spread(busy.scaled.map((b) => b.busy)).median.toFixed(1)} ms`,
        );
      }),
    );
    const side = (s: AnnotationSet, dir: string, key: 'today' | 'scaled'): SetSide => ({
      entities: s.entities.length,
      notes: s.notes.length,
      sources: s.sources.length,
      dataScriptBytes: statSync(join(dir, DATA_SCRIPT)).size,
      contentScriptGzipBytes: contentScriptSize(dir).gzipBytes,
      analysisBytes: analysisBytes(s),
      firstCardBytes: Buffer.byteLength(JSON.stringify(pageRecords(s, ['abbas-araghchi'], s.notes.filter((n) => n.entities.includes('abbas-araghchi')).map((n) => n.id)))),
      busyToPlacedMs: spread(busy[key].map((b) => b.busy)),
      cpuToPlacedMs: spread(busy[key].map((b) => b.cpu)),
      longestTaskMs: spread(busy[key].map((b) => b.longest)),
      cardAfterDelayMs: spread(hover[key]),
    });
    const today = side(set, buildDir, 'today');
    const scaled = side(scaledSet, scaledDir, 'scaled');
    const pageLoad = (s: SetSide) => s.contentScriptGzipBytes + s.analysisBytes;
    return {
      factor,
      today,
      scaled,
      checks: {
        busyWithin10Percent: scaled.busyToPlacedMs.median <= today.busyToPlacedMs.median * 1.1,
        loadWithin10Percent: pageLoad(scaled) <= pageLoad(today) * 1.1,
        cardWithinOneFrame: scaled.cardAfterDelayMs.max <= FRAME_MS,
      },
    };
  } finally {
    removeTemporaryBuild(scaledDir);
  }
}

export function formatScaledSet(r: ScaledSetReport): string {
  const row = (label: string, s: SetSide) =>
    `  ${label}: ${s.entities} entities, ${s.notes} notes, ${s.sources} sources; annotation-data.js ${(s.dataScriptBytes / 1024).toFixed(0)} KB (background only); ` +
    `content script ${s.contentScriptGzipBytes} B gz + analysis ${s.analysisBytes} B (first card's records ${s.firstCardBytes} B); busy to placed ${s.busyToPlacedMs.median.toFixed(1)} ms ` +
    `(${s.busyToPlacedMs.min.toFixed(1)}-${s.busyToPlacedMs.max.toFixed(1)}; CPU ${s.cpuToPlacedMs.median.toFixed(1)} ms), longest task ${s.longestTaskMs.median.toFixed(1)} ms; ` +
    `card shown and placed ${s.cardAfterDelayMs.median.toFixed(1)} ms after the ${OPEN_DELAY_MS} ms hover delay (max ${s.cardAfterDelayMs.max.toFixed(1)})`;
  const ok = (b: boolean) => (b ? 'met' : 'MISSED');
  return [
    `Set ${r.factor} times larger (issue #16):`,
    row('today', r.today),
    row(`${r.factor}x`, r.scaled),
    `  busy within 10%: ${ok(r.checks.busyWithin10Percent)} (${((r.scaled.busyToPlacedMs.median / r.today.busyToPlacedMs.median - 1) * 100).toFixed(1)}%); ` +
      `page load within 10%: ${ok(r.checks.loadWithin10Percent)}; first card within one frame (${FRAME_MS.toFixed(1)} ms) of the delay: ${ok(r.checks.cardWithinOneFrame)}`,
  ].join('\n');
}
