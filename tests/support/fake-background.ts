/**
 * The background as the popup and Backstory's pages meet it in tests: the
 * real answerer (lib/extension/background/answer-request.ts) with the real
 * bundled set, reached through fake-browser's `runtime.sendMessage`.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerBackgroundRequest } from '../../lib/extension/background/answer-request';
import { compileEntityForms } from '../../lib/shared/mentions/entity-forms';
import { annotationSet } from './bundled-data';

/** Answers from the bundled set; `set: null` is a background whose data script did not load. Returns the messages received. */
export function givenBackground(options: { set?: null } = {}): unknown[] {
  const received: unknown[] = [];
  const set = options.set === null ? null : { ...annotationSet, formIndex: compileEntityForms(annotationSet.entities) };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    received.push(message);
    // An extension page has no tab, as in the browser.
    return answerBackgroundRequest({ set, setBadge: async () => undefined }, message, {});
  }) as never);
  return received;
}
