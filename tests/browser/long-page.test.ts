import { afterEach, describe, expect, it } from 'vitest';
import { REGISTER_ALL_UP_TO } from '../../lib/content/highlight/mention-window';
import { type Harness, openCard, press, registered, sleep, startBackstory, waitFor } from '../support/backstory-harness';

let harness: Harness | null = null;
afterEach(() => {
  harness?.page.stop();
  harness = null;
  window.scrollTo(0, 0);
});

/** Another article of the site, long enough to name far more entities than are registered at once. */
function longArticle(paragraphs: number): void {
  const el = document.createElement('article');
  el.innerHTML = `<h1>A long story</h1><time datetime="2025-05-01">1 May 2025</time><main></main>`;
  const main = el.querySelector('main')!;
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: Araghchi met Wang Yi in Beijing, and Witkoff flew to Muscat.`;
    main.append(p);
  }
  document.body.replaceChildren(el);
}

const rangeOf = (el: Element) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range;
};

const inViewport = (range: Range, margin: number) => {
  const box = range.getBoundingClientRect();
  return box.bottom >= -margin && box.top <= innerHeight + margin;
};

describe('a long page (real Chromium)', () => {
  it('registers only the mentions around the viewport, and follows scrolling', async () => {
    longArticle(400);
    harness = await startBackstory({ load: false, url: 'https://www.iranintl.com/en/202505010001' });
    const total = harness.page.report().entities.reduce((n, e) => n + e.mentions, 0);
    expect(total).toBe(2000);
    let shown = registered('entity');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(REGISTER_ALL_UP_TO);
    for (const range of shown) expect(inViewport(range, innerHeight + 40)).toBe(true);

    window.scrollTo(0, document.body.scrollHeight / 2);
    await waitFor(() => registered('entity').some((r) => inViewport(r, 0) && r.getBoundingClientRect().top > 0));
    shown = registered('entity');
    for (const range of shown) expect(inViewport(range, innerHeight + 40)).toBe(true);
    // Everything on screen is highlighted.
    const visible = Array.from(document.querySelectorAll('p')).filter((p) => {
      const box = p.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(visible.length).toBeGreaterThan(3);
    for (const p of visible) expect(shown.filter((r) => p.contains(r.startContainer))).toHaveLength(5);
  });

  it('still reaches every mention from the keyboard', async () => {
    longArticle(400);
    harness = await startBackstory({ load: false, url: 'https://www.iranintl.com/en/202505010001' });
    await press('ArrowLeft', { altKey: true, shiftKey: true });
    const card = await waitFor(openCard, 2000);
    // Backwards from the start is the last mention of the page: Muscat, in the last paragraph, far below.
    expect(card.querySelector('#bs-card-title')!.textContent).toBe('Muscat');
    const last = document.querySelector('main p:last-child')!;
    await waitFor(() => inViewport(rangeOf(last), 0), 3000);
    await press('ArrowLeft', { altKey: true, shiftKey: true });
    await waitFor(() => openCard()?.querySelector('#bs-card-title')?.textContent === 'Witkoff' || openCard()?.querySelector('#bs-card-title')?.textContent === 'Steve Witkoff');
    // The highlight window followed the scroll: the last paragraph's mentions are registered.
    await waitFor(() => registered('entity').filter((r) => last.contains(r.startContainer)).length === 5, 3000);
  });

  it('does not re-annotate when the page changes outside the article', async () => {
    harness = await startBackstory();
    const passes = () => performance.getEntriesByName('backstory:annotated').length;
    const before = passes();
    for (let i = 0; i < 5; i++) {
      document.body.append(Object.assign(document.createElement('div'), { textContent: `Banner ${i} about Tehran` }));
      await sleep(30);
    }
    await sleep(300);
    expect(passes()).toBe(before);
    document.querySelector('article main p')!.append(' Edited.');
    await waitFor(() => passes() === before + 1, 2000);
  });
});
