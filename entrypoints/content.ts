import '../components/card/highlights.css';
import { browser } from 'wxt/browser';
import { BackstoryPage } from '../lib/content/backstory-page';
import { highlightApiAvailable } from '../lib/content/highlight/highlighter';
import { answerContentRequest } from '../lib/content/answer-request';
import { messagePageData } from '../lib/content/page-data-client';
import { askBackground, type PageRequest, parsePageRequest } from '../lib/shared/messages';
import { isPublisherHost, PUBLISHER_HOSTS } from '../lib/shared/publisher';
import { loadPagesOff, loadSettings, onSettingsChanged } from '../lib/shared/settings';

export default defineContentScript({
  matches: PUBLISHER_HOSTS.map((host) => `*://${host}/*`),
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    // Match patterns already limit the hosts; this also keeps the script inert
    // where Chromium's patterns match and the publisher check does not (the
    // trailing-dot spelling www.iranintl.com., where Firefox never injects):
    // no mark, no listener, no badge, nothing for the page to see.
    if (!isPublisherHost(location.hostname) || !highlightApiAvailable()) return;
    // Marks let benchmarks and the demo measure Backstory's work on the page.
    performance.mark('backstory:start');
    const send = (message: PageRequest) => browser.runtime.sendMessage(message);
    // Checked against the background's own schema: a message it would refuse is not sent.
    const tell = (message: PageRequest) => void askBackground(send, message, parsePageRequest);
    const page = new BackstoryPage({
      win: window,
      // The set stays in the background: the page sends its article's text and gets the analysis back.
      data: messagePageData(send),
      loadSettings,
      loadPagesOff,
      sendBadge: (count) => tell({ type: 'backstory:badge', count }),
      sendFound: (ids) => tell({ type: 'backstory:found', ...ids }),
    });
    const unsubscribe = onSettingsChanged(() => void page.settingsChanged());
    // Answered with sendResponse, not a returned promise: this script uses the
    // browser's own API (scripts/vite-native-browser-api.ts), and Chrome
    // (minimum 105) ignores a promise returned by a listener
    // (https://developer.chrome.com/docs/extensions/develop/concepts/messaging).
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      sendResponse(answerContentRequest(page, message));
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unsubscribe();
      page.stop();
    });
    page.startWhenIdle();
  },
});
