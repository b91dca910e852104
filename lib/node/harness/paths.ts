/**
 * Where the end-to-end harness finds the builds and browsers, and where it
 * writes screenshots. BACKSTORY_OUT_DIR lets a run test a build made into
 * its own folder while someone else builds into .output.
 */
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const OUTPUT_DIR = process.env.BACKSTORY_OUT_DIR ? resolve(process.env.BACKSTORY_OUT_DIR) : join(REPO_ROOT, '.output');
export const CHROMIUM_BUILD = join(OUTPUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD = join(OUTPUT_DIR, 'firefox-mv2');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

/** The annotated article's path on the publisher's site (and on the fixture server). */
export const ARTICLE_PATH = '/en/202504220389';
/** Selector for the annotated article element (the page also carries the next story). */
export const ARTICLE_SELECTOR = 'article[data-article-id="202504220389"]';

/** Viewport for every page: small screenshots, and the article still needs scrolling. */
export const VIEWPORT = { width: 1000, height: 750 } as const;
