/**
 * A hostile page against Backstory's UI, in Chromium and Firefox ESR (the
 * red-team review of 2026-12: H4/F3b, H7/F2, H2/F4, H5d, H5f, H5k): page
 * scripts run in the page's main world, as puppeteer's page.evaluate does;
 * the reader's keys are real input.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { onLayerRoot } from '../../lib/node/harness/layer-root';
import { readCard, waitForAnnotated, waitForCard } from '../../lib/node/harness/page-probe';
import { ARTICLE_PATH } from '../../lib/node/harness/paths';
import { nextAnnotation, sleep } from '../../lib/node/harness/reader-input';

describe.each(['chromium', 'firefox'] as const)('a hostile page in %s', (name) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(name);
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  /** Opens the article with `script` run in the page before any of its own (and before Backstory). */
  async function openArticle(script?: () => void): Promise<Page> {
    const page = await harness.session.newPage();
    if (script) await page.evaluateOnNewDocument(script);
    await page.goto(harness.session.url(ARTICLE_PATH), { waitUntil: 'load' });
    await waitForAnnotated(page);
    return page;
  }

  it('cannot read or rewrite an open card', async () => {
    const page = await openArticle();
    await nextAnnotation(page);
    const card = await waitForCard(page);
    const seen = await page.evaluate(() => {
      const hosts = Array.from(document.documentElement.children).filter((el) => el !== document.head && el !== document.body);
      return hosts.map((host) => ({ tag: host.localName, shadowRoot: host.shadowRoot !== null, text: host.textContent }));
    });
    expect(seen).toEqual([{ tag: 'div', shadowRoot: false, text: '' }]);
    // The page's forgery has nowhere to go: the card reads as before.
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('div'))) el.shadowRoot?.querySelectorAll('p').forEach((p) => (p.textContent = 'FORGED by the page'));
    });
    expect((await readCard(page))?.text).toBe(card.text);
    await page.close();
  });

  it('cannot stop the cards by defining backstory-layer first', async () => {
    const page = await openArticle(() => {
      customElements.define(
        'backstory-layer',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'closed' });
            document.documentElement.dataset.squatted = 'constructed';
          }
        },
      );
    });
    await nextAnnotation(page);
    expect((await waitForCard(page)).title).toBe('Ali Khamenei');
    expect(await page.evaluate(() => document.documentElement.dataset.squatted ?? null)).toBeNull();
    await page.close();
  });

  it('cannot open a card or take focus from a text field with a synthetic Alt+Shift+→', async () => {
    const page = await openArticle();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing';
      document.querySelector('article')!.prepend(input);
      input.focus();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, shiftKey: true, bubbles: true, composed: true }));
    });
    await sleep(300);
    expect(await readCard(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('typing');
    // Nor does the reader's own Alt+Shift+→ while typing there.
    await nextAnnotation(page);
    await sleep(300);
    expect(await readCard(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('typing');
    await page.close();
  });

  for (const [label, css] of [
    ['transform: translateZ(0) on <html>', 'transform: translateZ(0)'],
    ['zoom: 1.5 on <html>', 'zoom: 1.5'],
  ] as const) {
    it(`puts the card next to its term with ${label}`, async () => {
      const page = await openArticle();
      await page.evaluate((style) => document.documentElement.setAttribute('style', style), css);
      await nextAnnotation(page);
      await waitForCard(page);
      await sleep(500);
      const term = await page.evaluate(() => {
        const range = Array.from(CSS.highlights.get('backstory-focus') as unknown as Iterable<Range>)[0];
        return range.getClientRects()[0].toJSON() as DOMRect;
      });
      const placed = await onLayerRoot(page, (root) => {
        const card = root.querySelector('.card')!;
        return { box: card.getBoundingClientRect().toJSON() as DOMRect, popover: card.parentElement!.matches(':popover-open') };
      });
      const { box, popover } = placed!;
      const where = `card ${JSON.stringify(box)} term ${JSON.stringify(term)}`;
      expect(popover).toBe(true);
      const viewport = page.viewport()!;
      expect(box.left, where).toBeGreaterThanOrEqual(0);
      expect(box.right, where).toBeLessThanOrEqual(viewport.width);
      expect(box.bottom, where).toBeLessThanOrEqual(viewport.height);
      expect(box.width, where).toBeLessThanOrEqual(400);
      const gap = box.top >= term.bottom ? box.top - term.bottom : term.top - box.bottom;
      expect(gap, where).toBeGreaterThanOrEqual(0);
      expect(gap, where).toBeLessThanOrEqual(16);
      await page.close();
    });
  }

  it('keeps the card on top of an overlay the page adds after it', async () => {
    const page = await openArticle();
    await nextAnnotation(page);
    await waitForCard(page);
    await sleep(300);
    await page.evaluate(() => {
      const overlay = document.createElement('div');
      overlay.id = 'overlay';
      overlay.setAttribute('style', 'position:fixed;inset:0;z-index:2147483647;background:rgb(0 0 0 / .4)');
      document.documentElement.append(overlay);
      return new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const box = await onLayerRoot(page, (root) => root.querySelector('.card')!.getBoundingClientRect().toJSON() as DOMRect);
    // The page sees a hit on the top-layer card as a hit on Backstory's host.
    const topmost = await page.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return el?.id === 'overlay' ? 'overlay' : el?.localName === 'div' && el.getAttributeNames().length === 1 ? 'backstory' : (el?.localName ?? 'nothing');
      },
      { x: box!.left + box!.width / 2, y: box!.top + 30 },
    );
    expect(topmost).toBe('backstory');
    await page.close();
  });
});
