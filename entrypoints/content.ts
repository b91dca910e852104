import '../components/highlights.css';
import { browser } from 'wxt/browser';
import { bundledAnnotationSet } from '../lib/annotations/bundled-set';
import { BackstoryPage } from '../lib/content/backstory-page';
import { highlightApiAvailable } from '../lib/highlight/highlighter';
import { isContentRequest, type BackgroundRequest } from '../lib/messages';
import { isPublisherHost, PUBLISHER_HOSTS } from '../lib/page/publisher';
import { loadPagesOff, loadSettings, onSettingsChanged } from '../lib/settings';

export default defineContentScript({
  matches: PUBLISHER_HOSTS.map((host) => `*://${host}/*`),
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    // Marks let benchmarks and the demo measure Backstory's work on the page.
    performance.mark('backstory:start');
    // Match patterns already limit the hosts; this guards against a pattern edited by mistake.
    if (!isPublisherHost(location.hostname) || !highlightApiAvailable()) return;
    const set = bundledAnnotationSet();
    const page = new BackstoryPage({
      win: window,
      set,
      formIndex: set.formIndex,
      loadSettings,
      loadPagesOff,
      sendBadge: (count) => {
        const message: BackgroundRequest = { type: 'backstory:badge', count };
        browser.runtime.sendMessage(message).catch(() => {});
      },
    });
    const unsubscribe = onSettingsChanged(() => void page.settingsChanged());
    // Answered with sendResponse, not a returned promise: this script uses the
    // browser's own API (scripts/vite-native-browser-api.ts), and Chrome
    // (minimum 105) ignores a promise returned by a listener
    // (https://developer.chrome.com/docs/extensions/develop/concepts/messaging).
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      if (!isContentRequest(message)) return;
      if (message.type === 'backstory:get-report') sendResponse(page.report());
      else if (message.type === 'backstory:get-article-text') sendResponse(page.articleText());
      else sendResponse(page.reveal(message.target));
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unsubscribe();
      page.stop();
    });
    void page.start();
  },
});
