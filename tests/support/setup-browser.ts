import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from './i18n-messages';

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
});

afterEach(() => {
  document.body.replaceChildren();
  for (const el of Array.from(document.documentElement.children)) {
    if (el !== document.head && el !== document.body) el.remove();
  }
});
