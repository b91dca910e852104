import { browser } from 'wxt/browser';
import { answerBackgroundRequest } from '../lib/extension/background/answer-request';
import { loadBundledSet } from '../lib/extension/load-bundled-set';
import { TextPartStore } from '../lib/shared/analysis/text-parts';
import { FoundByTab } from '../lib/extension/background/found-by-tab';
import { DATA_SCRIPT } from '../lib/shared/annotations/bundled-set';

export default defineBackground(() => {
  // Chrome's service worker loads the set here (a worker may import scripts
  // only while it first runs); Firefox's background page lists it in the
  // manifest before this script (wxt.config.ts).
  if (typeof importScripts === 'function') importScripts(`/${DATA_SCRIPT}`);
  const set = loadBundledSet();
  // Manifest V3 has `action`, the Firefox Manifest V2 build `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const setBadge = (tabId: number, text: string) =>
    Promise.all([action.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' }), action.setBadgeText({ tabId, text })]);
  // Firefox clones extension messages (structured clone); Chrome sends them as JSON, which has no typed arrays.
  const context = { set, setBadge, textParts: new TextPartStore(), found: new FoundByTab(), typedArrays: import.meta.env.FIREFOX };
  browser.runtime.onMessage.addListener((message, sender) => answerBackgroundRequest(context, message, sender));
  // Needs no permission: only the closed tab's id is read.
  browser.tabs.onRemoved.addListener((tabId) => {
    context.found.drop(tabId);
    context.textParts.drop(tabId);
  });
});
