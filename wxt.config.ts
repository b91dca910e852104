import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { annotationDataScript, DATA_SCRIPT } from './lib/shared/annotations/bundled-set';
import { loadAnnotationSet } from './lib/node/data-check/load-files';
import type { AnnotationSet } from './lib/shared/annotations/types';
import { formatProblem } from './lib/node/data-check/validate';
import { compileHints } from './scripts/vite-compile-hints';
import { nativeBrowserApi } from './scripts/vite-native-browser-api';

// Extension pages load only their own files and may open no connection at all.
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self'; style-src 'self'";

let annotationSet: AnnotationSet | null = null;

/** Validated data, or a build failure that names each file, JSON path and reason. */
function validatedSet(root: string): AnnotationSet {
  if (annotationSet) return annotationSet;
  const { set, problems } = loadAnnotationSet(root);
  if (problems.length > 0) {
    throw new Error(`Annotation data is invalid:\n${problems.map(formatProblem).join('\n')}`);
  }
  return (annotationSet = set);
}

/**
 * Firefox injects a content script's CSS when it runs the script
 * (document_idle), and a stylesheet added to a loaded page restyles all of
 * it: on the bench's 200,000-node page, the build with only the stylesheet
 * and a script that does nothing held the page's timers 522-856 ms at
 * injection, the same without the stylesheet 171-469 ms, the page alone
 * 230-507 ms (3 loads each, one run). Injected at document_start, the
 * stylesheet is there before the page's first style, as Chromium does for
 * every content script's CSS. Its rules paint registered highlights only,
 * so having them early changes nothing else.
 */
function cssAtDocumentStart(manifest: { content_scripts?: { matches?: string[]; css?: string[]; run_at?: string }[] }): void {
  const scripts = manifest.content_scripts ?? [];
  const styled = scripts.filter((entry) => entry.css?.length && entry.run_at !== 'document_start');
  for (const entry of styled) {
    scripts.push({ matches: entry.matches, css: entry.css, run_at: 'document_start' });
    delete entry.css;
  }
}

const CARD_UI_SCRIPT = 'card-ui.js';

/**
 * The card's UI file, in content.js's entry, before it: both run in one
 * script world, in that order, in the task that injects them
 * (lib/content/card-ui-slot.ts says why it is apart). Before, so that its
 * evaluation is done when content.js's first line runs.
 */
function withCardUi(manifest: { content_scripts?: { js?: string[] }[] }): void {
  for (const entry of manifest.content_scripts ?? []) {
    if (entry.js?.includes('content-scripts/content.js') && !entry.js.includes(CARD_UI_SCRIPT)) entry.js.unshift(CARD_UI_SCRIPT);
  }
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), nativeBrowserApi(/entrypoints[\\/](content|card-ui)\.ts/), compileHints(['content-scripts/content.js'])],
    // Terser packs the content script about 3% smaller than esbuild; it must stay under 25 KB gzipped.
    build: process.env.BACKSTORY_NO_MINIFY ? { minify: false } : { minify: 'terser', terserOptions: { compress: { passes: 2 } }, sourcemap: !!process.env.BACKSTORY_SOURCEMAP },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: '__MSG_actionTitle__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory-extension.org',
              // The CSS Custom Highlight API reached Firefox in 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android knows data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
  zip: {
    // addons.mozilla.org rebuilds from this archive: include what the build reads.
    includeSources: ['data/**'],
    excludeSources: ['artifacts/**', 'docs/**'],
  },
  hooks: {
    'build:before': (wxt) => {
      validatedSet(wxt.config.root);
    },
    'build:publicAssets': (wxt, assets) => {
      assets.push({ relativeDest: DATA_SCRIPT, contents: annotationDataScript(validatedSet(wxt.config.root)) });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // Firefox's background page runs the set before the background script;
      // Chrome's service worker imports it itself (entrypoints/background.ts).
      const background = manifest.background as { scripts?: string[] } | undefined;
      if (background?.scripts) background.scripts = [DATA_SCRIPT, ...background.scripts.filter((js) => js !== DATA_SCRIPT)];
      withCardUi(manifest);
      if (wxt.config.browser === 'firefox') cssAtDocumentStart(manifest);
    },
  },
  // Harnesses that build while another build runs point this elsewhere.
  outDir: process.env.BACKSTORY_OUT_DIR ?? resolve(import.meta.dirname, '.output'),
});
