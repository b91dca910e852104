/**
 * npm run demo [-- --firefox] [-- --headless] [-- --page saved.html]
 *
 * Shows Backstory on the Iran International article without the internet:
 * builds the extension, serves the bundled copy of the article (or a saved
 * page) on this machine under the publisher's host name, and opens Chromium
 * (default) or Firefox ESR with Backstory installed. A missing browser is
 * installed first from Debian's packages (ensure-browser.ts).
 *
 * - With a display: a normal browser window; the page is served until Ctrl+C.
 * - Without one ($DISPLAY and $WAYLAND_DISPLAY unset) or with --headless:
 *   a headless tour that saves screenshots to artifacts/demo/ and prints a
 *   short report (exit code 1 if the article was not recognised).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import type { PageReport } from '../lib/shared/messages';
import { startFixtureServer, type FixtureServer } from '../lib/node/harness/fixture-server';
import type { BrowserSession } from '../lib/node/harness/browser-session';
import { launchChromium, type ChromiumSession } from '../lib/node/harness/chromium';
import { launchFirefox, type FirefoxSession } from '../lib/node/harness/firefox';
import { cardSettled, waitForAnnotated, waitForCard, waitForNoCard, type AnnotatedDetail } from '../lib/node/harness/page-probe';
import { ARTICLE_PATH, CHROMIUM_BUILD, CHROMIUM_PATH, FIREFOX_BUILD, FIREFOX_PATH, REPO_ROOT } from '../lib/node/harness/paths';
import { ChromiumPopup, FirefoxPopup, type PopupDriver } from '../lib/node/harness/popup-driver';
import { moveTo, NEUTRAL_POINT } from '../lib/node/harness/reader-input';
import { saveScreenshot } from '../lib/node/harness/screenshots';
import { ensureBrowser, realSystem } from './ensure-browser';
import { maintainerBuildEnv } from '../lib/node/build-env';

const DEMO_DIR = join(REPO_ROOT, 'artifacts', 'demo');
const SCREENSHOTS = ['article', 'entity-card', 'popup', 'note-card'] as const;

const BROWSERS = {
  chromium: { label: 'Chromium', binary: CHROMIUM_PATH, aptPackage: 'chromium', pathVariable: 'CHROMIUM_PATH', buildScript: 'build', buildDir: CHROMIUM_BUILD },
  firefox: {
    label: 'Firefox ESR',
    binary: FIREFOX_PATH,
    aptPackage: 'firefox-esr',
    pathVariable: 'FIREFOX_PATH',
    buildScript: 'build:firefox',
    buildDir: FIREFOX_BUILD,
  },
} as const;
type BrowserName = keyof typeof BROWSERS;

interface DemoOptions {
  browser: BrowserName;
  headless: boolean;
  /** A saved page to serve at the article's URL instead of the bundled copy. */
  page?: string;
}

function parseOptions(): DemoOptions {
  const { values } = parseArgs({
    options: {
      firefox: { type: 'boolean', default: false },
      headless: { type: 'boolean', default: false },
      page: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run demo -- [--firefox] [--headless] [--page path/to/saved.html]');
    process.exit(0);
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return { browser: values.firefox ? 'firefox' : 'chromium', headless: values.headless || !hasDisplay, page: values.page };
}

/** A path as the reader would type it: relative inside the repository, absolute outside. */
function displayPath(path: string): string {
  const inside = relative(REPO_ROOT, path);
  return inside.startsWith('..') ? path : inside;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function requireBrowser(name: BrowserName): void {
  const result = ensureBrowser(BROWSERS[name], realSystem);
  if (!result.ok) fail(result.message);
}

/** npm run build / build:firefox (which check the data first), output shown only on failure. */
function build(name: BrowserName): void {
  const { label, buildScript, buildDir } = BROWSERS[name];
  console.log(`Building Backstory for ${label}…`);
  const result = spawnSync('npm', ['run', buildScript], { cwd: REPO_ROOT, encoding: 'utf8', env: maintainerBuildEnv() });
  if (result.status !== 0) fail(`npm run ${buildScript} failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`Built ${displayPath(buildDir)}`);
}

async function launch(options: DemoOptions, server: FixtureServer): Promise<BrowserSession> {
  const common = { serverPort: server.port, headless: options.headless };
  if (options.browser === 'chromium') return launchChromium({ ...common, extensionDir: CHROMIUM_BUILD });
  // Headless Firefox needs the privileged route to open its toolbar popup.
  return launchFirefox({ ...common, extensionDir: FIREFOX_BUILD, privileged: options.headless });
}

/** A headed browser on the article, until Ctrl+C or the window closes. */
async function runHeaded(session: BrowserSession, url: string): Promise<void> {
  const page = await session.newPage();
  await page.goto(url);
  console.log(`\nBackstory is running in ${BROWSERS[session.name].label} on ${url} (served from this machine).`);
  console.log('Rest the pointer on a highlighted term, or press Alt+Shift+→; the toolbar button opens the popup.');
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    session.browser.once('disconnected', () => done());
  });
}

/** The name of Backstory's registered entity highlight (the same whatever the settings), if registered. */
function entityHighlightName(page: Page): Promise<string | undefined> {
  return page.evaluate(() => Array.from(CSS.highlights.keys()).find((name) => name === 'backstory-entity'));
}

/**
 * Middle of a highlighted entity mention (one naming Araghchi if there is
 * one), scrolled into view. Works on any saved page, whatever its markup.
 */
async function entityMentionPoint(page: Page, highlight: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((name) => {
    const ranges = Array.from(CSS.highlights.get(name) as unknown as Iterable<Range>);
    const range = ranges.find((r) => r.toString().includes('Araghchi')) ?? ranges[0];
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
  }, highlight);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return point;
}

interface TourResult {
  recognised: boolean;
  entities: number;
  notesPlaced: number;
  orphans: number;
  annotateMs?: number;
  screenshots: string[];
}

function popupFor(session: BrowserSession): PopupDriver {
  return session.name === 'chromium' ? new ChromiumPopup(session as ChromiumSession) : new FirefoxPopup(session as FirefoxSession);
}

/** Loads the article, opens an entity card, the popup and a note card, saving a screenshot of each. */
async function runHeadlessTour(session: BrowserSession, url: string): Promise<TourResult> {
  const shots: string[] = [];
  // Pictures from an earlier run must not pass for this run's.
  for (const name of SCREENSHOTS) rmSync(join(DEMO_DIR, `${name}.png`), { force: true });
  const page = await session.newPage();
  await page.goto(url);
  // The starting tab would confuse Chromium's popup about which tab is the article.
  for (const other of await session.browser.pages()) if (other !== page) await other.close();

  let detail: AnnotatedDetail | null = null;
  try {
    detail = await waitForAnnotated(page, 1, 15_000);
  } catch {
    // No annotation pass: the page was not recognised.
  }
  const highlight = detail ? await entityHighlightName(page) : undefined;
  if (highlight) {
    await page.evaluate((name) => {
      const first = Array.from(CSS.highlights.get(name) as unknown as Iterable<Range>)[0];
      first?.startContainer.parentElement?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -60);
    }, highlight);
  }
  shots.push(await saveScreenshot(page, 'article', DEMO_DIR));
  if (!detail) return { recognised: false, entities: 0, notesPlaced: 0, orphans: 0, screenshots: shots };

  if (highlight) {
    await moveTo(page, NEUTRAL_POINT);
    await moveTo(page, await entityMentionPoint(page, highlight));
    await waitForCard(page);
    await cardSettled(page);
    shots.push(await saveScreenshot(page, 'entity-card', DEMO_DIR));
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  }

  const popup = popupFor(session);
  await popup.open(page);
  const report: PageReport = await popup.report();
  shots.push(await popup.screenshot('popup', DEMO_DIR));

  const note = report.notes.find((n) => n.placed);
  if (note) {
    await popup.clickNote(note.title);
    await waitForCard(page, note.title);
    await cardSettled(page);
    shots.push(await saveScreenshot(page, 'note-card', DEMO_DIR));
  }

  return {
    recognised: report.status === 'article',
    entities: report.entities.length,
    notesPlaced: report.notes.filter((n) => n.placed).length,
    orphans: report.notes.filter((n) => !n.placed).length,
    annotateMs: report.annotateMs,
    screenshots: shots,
  };
}

function printReport(result: TourResult, session: BrowserSession, url: string, source: string): void {
  const ms = result.annotateMs === undefined ? 'n/a' : `${Math.round(result.annotateMs)} ms`;
  console.log(`
Backstory demo: ${BROWSERS[session.name].label}, headless
Page: ${url} (served from ${source})
Article recognised: ${result.recognised ? 'yes' : 'no'}
Entities highlighted: ${result.entities}
Notes placed: ${result.notesPlaced}
Orphans: ${result.orphans}
Time to annotate: ${ms}
Screenshots:
${result.screenshots.map((path) => `  ${displayPath(path)}`).join('\n')}`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const savedPage = options.page ? resolve(options.page) : undefined;
  if (savedPage && !existsSync(savedPage)) fail(`No such file: ${savedPage}`);
  requireBrowser(options.browser);
  build(options.browser);

  const server = await startFixtureServer({ articleHtml: savedPage ? readFileSync(savedPage, 'utf8') : undefined });
  const session = await launch(options, server);
  const url = session.url(ARTICLE_PATH);
  const source = savedPage ? displayPath(savedPage) : 'data/page-copies/iranintl-202504220389.html';
  try {
    if (!options.headless) {
      await runHeaded(session, url);
      return;
    }
    const result = await runHeadlessTour(session, url);
    printReport(result, session, url, source);
    process.exitCode = result.recognised ? 0 : 1;
  } finally {
    await session.close().catch(() => {});
    await server.close();
  }
}

await main();
