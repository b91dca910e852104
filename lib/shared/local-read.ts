/**
 * Reads of `storage.local` asked in the same task go to the browser as one
 * `get`: a page reads its "highlights off" list and the reader's link
 * corrections together when it starts, and each `get` is a round trip
 * through the browser process whose answer is a task of its own in the page.
 */
import { browser } from 'wxt/browser';

let batch: { keys: Set<string>; answer: Promise<Record<string, unknown>> } | null = null;

/** The stored value of `key` in `storage.local` (undefined when unset); rejects when the read fails. */
export async function readLocal(key: string): Promise<unknown> {
  if (!batch) {
    const keys = new Set<string>();
    // The get goes out after the current task's synchronous code, with every key asked by then.
    const answer = Promise.resolve().then(() => {
      batch = null;
      return browser.storage.local.get([...keys]);
    });
    batch = { keys, answer };
  }
  batch.keys.add(key);
  return (await batch.answer)[key];
}
