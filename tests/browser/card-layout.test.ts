import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { AnnotationSet, Note } from '../../lib/shared/annotations/types';
import { annotationSet, article } from '../support/bundled-data';
import { centerOf, type Harness, layerHost, layerRoot, openCard, pointerMove, press, rangeOfText, startBackstory, waitFor } from '../support/backstory-harness';

let harness: Harness | null = null;
afterEach(async () => {
  harness?.page.stop();
  harness = null;
  await commands.setColorScheme('light');
  await commands.setReducedMotion(false);
});

async function hoverOpen(text: string, root?: Element): Promise<HTMLElement> {
  const { x, y } = centerOf(rangeOfText(text, root));
  await pointerMove(x, y);
  return waitFor(openCard, 3000);
}

async function auditCard(card: HTMLElement): Promise<axe.Result[]> {
  // The layer's shadow root is closed, and axe walks shadow trees through
  // `element.shadowRoot`: for the audit only, the host lends axe the root
  // through the content script's handle.
  const host = layerHost()!;
  Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => layerRoot() });
  let results: axe.AxeResults;
  try {
    results = await axe.run(
      { include: [{ fromShadowDom: [`[${host.attributes[0].name}]`, '.card'] }] } as unknown as axe.ElementContext,
      { resultTypes: ['violations'] },
    );
  } finally {
    delete (host as { shadowRoot?: unknown }).shadowRoot;
  }
  expect(card.isConnected).toBe(true);
  return results.violations;
}

const summarise = (violations: axe.Result[]) =>
  violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' | ')}`);

describe('card accessibility audit (axe-core, real Chromium)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations in the ${scheme} theme, colour contrast included`, async () => {
      await commands.setColorScheme(scheme);
      harness = await startBackstory();
      const entityCard = await hoverOpen('Xi Jinping');
      expect(await auditCard(entityCard).then(summarise)).toEqual([]);
      // Its disclosures open: a fact's sources, and "Not this?".
      for (const selector of ['.fact button.sourcing', '.not-this__toggle']) {
        entityCard.querySelector<HTMLButtonElement>(selector)!.focus();
        await press('Enter');
        await waitFor(() => entityCard.querySelector(selector)!.getAttribute('aria-expanded') === 'true');
      }
      expect(entityCard.querySelector('.since')).not.toBeNull();
      expect(await auditCard(entityCard).then(summarise)).toEqual([]);
      const background = getComputedStyle(entityCard).backgroundColor;
      expect(background).toBe(scheme === 'dark' ? 'rgb(30, 34, 40)' : 'rgb(255, 255, 255)');
      await press('Escape');
      const noteCard = await hoverOpen('Only two major deals');
      expect(noteCard.querySelector('.card__kicker')!.textContent).toBe('Background note');
      expect(await auditCard(noteCard).then(summarise)).toEqual([]);
    });
  }
});

describe('card isolation and motion', () => {
  it('keeps its size whatever the page sets on html, and the page CSS cannot restyle it', async () => {
    harness = await startBackstory();
    expect(getComputedStyle(document.documentElement).fontSize).toBe('10px');
    const card = await hoverOpen('Wang Yi');
    expect(getComputedStyle(card.querySelector('#bs-card-title')!).fontSize).toBe('18px');
    expect(getComputedStyle(card.querySelector('.description')!).fontSize).toBe('15px');
    // The page's `button { all: unset }` does not reach the close button.
    expect(getComputedStyle(card.querySelector('.card__close')!).borderTopStyle).toBe('solid');
    // ...and the card's rules do not reach the page.
    expect(getComputedStyle(document.querySelector('.article__share')!).borderTopStyle).not.toBe('solid');
  });

  it('animates only when the reader has not asked for reduced motion', async () => {
    await commands.setReducedMotion(true);
    harness = await startBackstory();
    const card = await hoverOpen('Vladimir Putin');
    expect(getComputedStyle(card).animationName).toBe('none');
    await press('Escape');
    await commands.setReducedMotion(false);
    const again = await hoverOpen('Steve Witkoff');
    expect(getComputedStyle(again).animationName).not.toBe('none');
  });
});

describe('card placement', () => {
  /** A page whose article puts one name in each corner of the viewport. */
  function cornerPage(): void {
    document.body.innerHTML = '';
    const el = document.createElement('article');
    el.innerHTML = `<h1>${article.headline}</h1>`;
    const spots = { tl: 'top:4px;left:4px', tr: 'top:4px;right:4px', bl: 'bottom:4px;left:4px', br: 'bottom:4px;right:4px' };
    for (const [id, style] of Object.entries(spots)) {
      const p = document.createElement('p');
      p.id = id;
      p.setAttribute('style', `position:fixed;${style};margin:0;font:16px/1.2 serif`);
      p.textContent = 'Xi Jinping';
      el.append(p);
    }
    document.body.append(el);
  }

  it('stays inside the viewport and next to the term near each edge', async () => {
    cornerPage();
    harness = await startBackstory({ load: false });
    for (const id of ['tl', 'tr', 'bl', 'br']) {
      const term = rangeOfText('Xi Jinping', document.getElementById(id)!);
      const rect = term.getBoundingClientRect();
      await pointerMove(rect.left + rect.width / 2, rect.top + rect.height / 2);
      const card = await waitFor(openCard, 3000);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = card.getBoundingClientRect();
      expect(box.left, id).toBeGreaterThanOrEqual(0);
      expect(box.top, id).toBeGreaterThanOrEqual(0);
      expect(box.right, id).toBeLessThanOrEqual(innerWidth);
      expect(box.bottom, id).toBeLessThanOrEqual(innerHeight);
      const gap = box.top >= rect.bottom ? box.top - rect.bottom : rect.top - box.bottom;
      expect(gap, `${id}: card ${JSON.stringify(box)} term ${JSON.stringify(rect)}`).toBeGreaterThanOrEqual(0);
      expect(gap, id).toBeLessThanOrEqual(16);
      await press('Escape');
    }
  });

  it('scrolls a 2,000-character note inside the card instead of overflowing the viewport', async () => {
    const long: Note = {
      ...annotationSet.notes.find((n) => n.id === 'teapot-refineries')!,
      body: Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1}. ${'Teapot refineries buy discounted crude. '.repeat(7)}`),
    };
    expect(long.body.join(' ').length).toBeGreaterThanOrEqual(2000);
    const set: AnnotationSet = { ...annotationSet, notes: annotationSet.notes.map((n) => (n.id === long.id ? long : n)) };
    harness = await startBackstory({ set });
    const card = await hoverOpen('independent processors');
    expect(card.querySelector('#bs-card-title')!.textContent).toBe(long.title);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = card.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(innerHeight);
    const body = card.querySelector<HTMLElement>('.card__body')!;
    expect(body.scrollHeight).toBeGreaterThan(body.clientHeight);
    expect(getComputedStyle(body).overflowY).toBe('auto');
  });

  it('follows the highlight when the page scrolls', async () => {
    harness = await startBackstory();
    const term = rangeOfText('Saudi Arabia');
    const card = await hoverOpen('Saudi Arabia');
    const gap = () => {
      const box = card.getBoundingClientRect();
      const rect = term.getBoundingClientRect();
      return box.top >= rect.bottom ? box.top - rect.bottom : rect.top - box.bottom;
    };
    for (const dy of [60, -120, 30]) {
      const termTop = term.getBoundingClientRect().top;
      window.scrollBy(0, dy);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(term.getBoundingClientRect().top).not.toBe(termTop);
      expect(gap()).toBeGreaterThanOrEqual(0);
      expect(gap()).toBeLessThanOrEqual(16);
    }
  });
});
