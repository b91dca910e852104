/** Runs before every unit and browser test: fresh fake extension APIs, real UI strings, an empty page. */
import { afterEach, beforeEach } from 'vitest';
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
