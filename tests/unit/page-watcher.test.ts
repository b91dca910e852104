/**
 * The page watcher paces refreshes on a page that never stops changing, so
 * Backstory's passes leave the page most of the main thread.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, PACE_FACTOR, PageWatcher, SETTLE_MS } from '../../lib/content/page-watcher';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let watcher: PageWatcher | null = null;
afterEach(() => watcher?.stop());

function watch(lastPassMs: number) {
  const article = document.createElement('article');
  article.append(Object.assign(document.createElement('p'), { textContent: 'Araghchi' }));
  document.body.append(article);
  const fired: number[] = [];
  watcher = new PageWatcher(window, { root: () => article, isOwn: () => false }, () => void fired.push(performance.now()), () => 'https://www.iranintl.com/en/1', () => lastPassMs);
  watcher.start();
  return { article, fired };
}

/** The page replaces its paragraph every 16 ms for `ms`. */
async function storm(article: Element, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    article.firstElementChild!.replaceWith(Object.assign(document.createElement('p'), { textContent: 'Araghchi' }));
    await sleep(16);
  }
}

describe('PageWatcher pacing', () => {
  it('refreshes a changing article at least every MAX_WAIT_MS when passes are short', async () => {
    const { article, fired } = watch(10);
    await storm(article, 1200);
    expect(fired.length).toBeGreaterThanOrEqual(Math.floor(1200 / (MAX_WAIT_MS + SETTLE_MS)) - 1);
  });

  it('waits PACE_FACTOR times the last pass before the next one under a storm', async () => {
    const pass = 150;
    const { article, fired } = watch(pass);
    await storm(article, 2000);
    await sleep(PACE_FACTOR * pass + 100);
    expect(fired.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < fired.length; i++) expect(fired[i] - fired[i - 1]).toBeGreaterThanOrEqual(PACE_FACTOR * pass - 5);
    // Without pacing a 2 s storm gets a refresh every 200 ms or so: ten.
    expect(fired.length).toBeLessThanOrEqual(Math.ceil(2000 / (PACE_FACTOR * pass)) + 1);
  });

  it('lets a running pass finish under a storm, then waits PACE_FACTOR times its length', async () => {
    // Passes of 300 ms, each reported when it ends (as BackstoryPage.refresh's promise does).
    const article = document.createElement('article');
    article.append(Object.assign(document.createElement('p'), { textContent: 'Araghchi' }));
    document.body.append(article);
    const started: number[] = [];
    const ended: number[] = [];
    let lastPassMs = 0;
    const pass = () => {
      const at = performance.now();
      started.push(at);
      return sleep(300).then(() => {
        // A newer pass cancels an older one: only the newest reports its length.
        if (started.at(-1) === at) lastPassMs = performance.now() - at;
        ended.push(performance.now());
      });
    };
    watcher = new PageWatcher(window, { root: () => article, isOwn: () => false }, pass, () => 'https://www.iranintl.com/en/1', () => lastPassMs);
    watcher.start();
    await storm(article, 2500);
    expect(started.length).toBeGreaterThanOrEqual(2);
    // Without waiting for it, a refresh every MAX_WAIT_MS cancels the running pass: none would finish.
    expect(started[1] - started[0]).toBeGreaterThanOrEqual(PACE_FACTOR * 300 - 5);
    expect(ended[0]).toBeLessThanOrEqual(started[1]);
  });
});
