import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { article, loadArticlePage } from '../support/bundled-data';
import { centerOf, type Harness, openCard, rangeOfText, registered, startBackstory, waitFor } from '../support/backstory-harness';

let harness: Harness | null = null;
afterEach(() => {
  harness?.page.stop();
  harness = null;
});

const body = () => document.querySelector('article.article:not(.article--next) main')!;
const paragraphs = () => Array.from(body().querySelectorAll('p'));

/** A real tap on the touchscreen (trusted touch pointer events). */
function tap(x: number, y: number): Promise<void> {
  return commands.touchTap(x, y);
}

describe('page variants (real Chromium)', () => {
  it('places every note when paragraphs are reordered and an advertisement is inserted', async () => {
    loadArticlePage();
    const ps = paragraphs();
    const main = body();
    // Swap two paragraphs and put an advertisement between the others.
    main.insertBefore(ps[6], ps[2]);
    const ad = document.createElement('div');
    ad.className = 'ad-slot';
    ad.innerHTML = '<p>Advertisement: fly to Muscat and Rome this spring. Only two major deals this week!</p>';
    main.insertBefore(ad, ps[4]);
    harness = await startBackstory({ load: false });
    const report = harness.page.report();
    expect(report.notes.filter((n) => !n.placed)).toEqual([]);
    // The note about "two major deals" is on the article's sentence, not the advertisement.
    for (const range of registered('note')) expect(ad.contains(range.startContainer)).toBe(false);
  });

  it('still anchors notes whose paragraphs were lightly edited, and reports the ones whose passage is gone', async () => {
    loadArticlePage();
    const edit = (from: string, to: string) => {
      const p = paragraphs().find((x) => x.textContent!.includes(from))!;
      p.textContent = p.textContent!.replace(from, to);
    };
    edit('Only two major deals were struck between 2013 and 2023', 'Only two big deals were signed between 2013 and 2023');
    const teapot = paragraphs().find((p) => p.textContent!.includes('teapot'))!;
    teapot.remove();
    harness = await startBackstory({ load: false });
    const report = harness.page.report();
    const belt = report.notes.find((n) => n.id === 'belt-and-road-and-iran')!;
    expect(belt.placed).toBe(true);
    const teapotNote = report.notes.find((n) => n.id === 'teapot-refineries')!;
    expect(teapotNote.placed).toBe(false);
    expect(report.notes.filter((n) => !n.placed).map((n) => n.id)).toEqual(['teapot-refineries']);
    expect(registered('note').some((r) => r.toString().includes('two big deals were signed'))).toBe(true);
    expect(article.notes).toContain('teapot-refineries');
  });

  it('opens a card with a tap, keeps a link’s tap for the link, and closes on a tap outside', async () => {
    loadArticlePage();
    const p = paragraphs().find((x) => x.textContent!.includes('US envoy Steve Witkoff'))!;
    const link = document.createElement('a');
    link.href = '#witkoff';
    link.textContent = 'Steve Witkoff';
    p.replaceChildren('The move comes days before Araghchi meets ', link, '.');
    harness = await startBackstory({ load: false });

    const araghchi = rangeOfText('Araghchi meets');
    araghchi.setEnd(araghchi.startContainer, araghchi.startOffset + 'Araghchi'.length);
    const a = centerOf(araghchi);
    await tap(a.x, a.y);
    const card = await waitFor(openCard, 1000);
    expect(card.querySelector('#bs-card-title')!.textContent).toBe('Abbas Araghchi');

    const box = card.getBoundingClientRect();
    const outside = { x: 4, y: box.top > innerHeight / 2 ? 4 : innerHeight - 4 };
    await tap(outside.x, outside.y);
    expect(openCard()).toBeNull();

    const w = centerOf(rangeOfText('Steve Witkoff'));
    await tap(w.x, w.y);
    await new Promise((r) => setTimeout(r, 100));
    expect(openCard()).toBeNull();
  });

  it('puts the card by the line of a wrapped highlight that the pointer is on', async () => {
    loadArticlePage();
    const p = paragraphs()[0];
    p.style.width = '160px';
    p.textContent = 'Text before Supreme Leader Ayatollah Ali Khamenei and after.';
    harness = await startBackstory({ load: false });
    const range = registered('entity').find((r) => r.toString() === 'Supreme Leader Ayatollah Ali Khamenei')!;
    p.scrollIntoView({ block: 'center' });
    const lines = Array.from(range.getClientRects());
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const last = lines[lines.length - 1];
    await commands.mouseMove(last.left + 2, last.top + last.height / 2);
    const card = await waitFor(openCard, 2000);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = card.getBoundingClientRect();
    const gapBelow = box.top - last.bottom;
    const gapAbove = last.top - box.bottom;
    expect(gapBelow >= 0 ? gapBelow : gapAbove).toBeLessThanOrEqual(16);
    expect(Math.min(Math.abs(gapBelow), Math.abs(gapAbove))).toBeLessThanOrEqual(16);
  });
});
