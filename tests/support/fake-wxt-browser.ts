/** `wxt/browser` for browser-mode tests: WXT's in-memory fake of the extension APIs. */
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const browser = fakeBrowser;
