/**
 * The background as the popup and Backstory's pages meet it in tests: the
 * real answerer (lib/extension/background/answer-request.ts) with the real
 * bundled set, reached through fake-browser's `runtime.sendMessage`.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerBackgroundRequest } from '../../lib/extension/background/answer-request';
import { TextPartStore } from '../../lib/shared/analysis/text-parts';
import { FoundByTab } from '../../lib/extension/background/found-by-tab';
import type { FoundIds } from '../../lib/shared/messages';
import { compileEntityForms } from '../../lib/shared/mentions/entity-forms';
import { annotationSet } from './bundled-data';

/**
 * Answers from the bundled set; `set: null` is a background whose data
 * script did not load; `found` is what tabs have told it they found
 * (`backstory:found`). Returns the messages received.
 */
export function givenBackground(options: { set?: null; found?: Record<number, FoundIds> } = {}): unknown[] {
  const received: unknown[] = [];
  const set = options.set === null ? null : { ...annotationSet, formIndex: compileEntityForms(annotationSet.entities) };
  const found = new FoundByTab();
  for (const [tabId, ids] of Object.entries(options.found ?? {})) found.set(Number(tabId), ids);
  const context = { set, setBadge: async () => undefined, textParts: new TextPartStore(), found };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    received.push(message);
    // An extension page has no tab, as in the browser.
    return answerBackgroundRequest(context, message, {});
  }) as never);
  return received;
}
