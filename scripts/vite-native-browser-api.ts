/**
 * Gives the content script the browser's own extension API instead of
 * webextension-polyfill, which the rest of the extension keeps using.
 *
 * Why: the content script must stay under 25 KB gzipped and the polyfill is
 * 2.7 KB of it, for nothing the content script needs. Firefox already has a
 * promise-based `browser` (the polyfill hands it back unchanged), and in
 * Chrome's Manifest V3 the APIs the content script calls (runtime.sendMessage,
 * storage get and onChanged, i18n.getMessage) return promises natively. The
 * one thing the polyfill adds, promises returned from runtime.onMessage
 * listeners, the content script does not rely on: it answers with
 * sendResponse, which every browser supports
 * (https://developer.chrome.com/docs/extensions/develop/concepts/messaging).
 *
 * How: the @wxt-dev/webextension-polyfill module aliases `wxt/browser` to the
 * polyfill in every build; in the content script's build (WXT builds it on
 * its own) this resolves that alias to WXT's plain `browser` instead.
 */
import type { Plugin } from 'vite';

const POLYFILLED = '@wxt-dev/webextension-polyfill/browser';
const NATIVE = '@wxt-dev/browser';

export function nativeBrowserApi(entrypoint: RegExp): Plugin {
  let active = false;
  return {
    name: 'backstory:native-browser-api',
    enforce: 'pre',
    apply: 'build',
    options(input) {
      active = JSON.stringify(input.input ?? '').match(entrypoint) !== null;
    },
    async resolveId(source, importer) {
      if (!active || source !== POLYFILLED) return null;
      return this.resolve(NATIVE, importer, { skipSelf: true });
    },
  };
}
