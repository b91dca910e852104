import { browser } from 'wxt/browser';
import { badgeText, parseBackgroundRequest, type MessageError } from '../lib/shared/messages';

export default defineBackground(() => {
  // Manifest V3 has `action`, the Firefox Manifest V2 build `browserAction`.
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message, sender): Promise<true | MessageError> => {
    const parsed = parseBackgroundRequest(message);
    if (!parsed.ok) return Promise.resolve(parsed.error);
    const tabId = sender.tab?.id;
    // Only a content script speaks for a tab; an extension page has none to badge.
    if (tabId === undefined) return Promise.resolve({ error: 'invalid-message', reason: 'badge messages come from a tab' });
    return Promise.all([
      action.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' }),
      action.setBadgeText({ tabId, text: badgeText(parsed.message.count) }),
    ]).then(() => true as const);
  });
});
