import { browser } from 'wxt/browser';
import { badgeText, isBackgroundRequest } from '../lib/messages';

export default defineBackground(() => {
  // Manifest V3 has `action`, the Firefox Manifest V2 build `browserAction`.
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (!isBackgroundRequest(message) || tabId === undefined) return undefined;
    return Promise.all([
      action.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' }),
      action.setBadgeText({ tabId, text: badgeText(message.count) }),
    ]).then(() => true);
  });
});
