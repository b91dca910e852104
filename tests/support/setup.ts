/** Runs before every unit and browser test: fresh fake extension APIs, real UI strings, an empty page. */
import { afterAll, afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from './i18n-messages';

beforeEach(() => {
  fakeBrowser.reset();
  // fake-browser leaves i18n unimplemented; the real messages make tests read like the UI.
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
});

afterEach(() => {
  document.body.replaceChildren();
  for (const el of Array.from(document.documentElement.children)) {
    if (el !== document.head && el !== document.body) el.remove();
  }
});

// Preact runs effects after paint: requestAnimationFrame raced against a
// 100 ms setTimeout whose callback calls cancelAnimationFrame (preact/hooks
// afterPaint). An effect scheduled by a file's last test can leave that
// timer behind when the environment is torn down, and it then throws
// "cancelAnimationFrame is not defined" into the run. Waiting it out keeps
// every file's timers inside its own environment.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));
