/**
 * A long pass shares the main thread with the page: the page's own tasks
 * run between its slices (real Chromium, where scheduler.yield() exists and
 * its continuations would run ahead of them: red-team review S1, 2.8 s).
 */
import { describe, expect, it } from 'vitest';
import { annotatePage } from '../../lib/content/annotate-page';
import { compileEntityForms } from '../../lib/mentions/entity-forms';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { annotationSet } from '../support/bundled-data';

const formIndex = compileEntityForms(annotationSet.entities);

function page(paragraphs: number) {
  const root = document.createElement('article');
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}: Araghchi met Wang Yi in Beijing, and Witkoff flew to Muscat.`;
    root.append(p);
  }
  document.body.append(root);
  return { kind: 'other-article' as const, root, date: '2025-05-01' };
}

describe('a long pass and the page (real Chromium)', () => {
  it('lets the page run between slices of a long pass', async () => {
    const ran: number[] = [];
    // The page's own setTimeout(0) chain, running all along: each callback may wait one slice, not the pass.
    let last = performance.now();
    let worstGap = 0;
    let chain = true;
    const tick = () => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ran.push(now);
      if (chain) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    let finishedAt = 0;
    const result = await annotatePage(page(3000), annotationSet, formIndex, DEFAULT_SETTINGS).then((r) => {
      finishedAt = performance.now();
      return r;
    });
    chain = false;
    expect(result!.mentions.length).toBe(15_000);
    // The pass took many slices, and the page's timers ran between them all along.
    expect(ran.filter((t) => t < finishedAt).length).toBeGreaterThan(10);
    expect(worstGap).toBeLessThan(100);
  });
});
