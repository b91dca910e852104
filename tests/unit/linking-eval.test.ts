/**
 * The linker on the hand-labelled evaluation set (issue #14): precision first.
 * `npm run eval:linking -- --errors` lists what goes wrong.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnnotationSet } from '../../lib/node/data-check/load-files';
import { AFTER_2026_02_28, loadEvalSet, scorePages } from '../eval/linking-eval';

const { set } = loadAnnotationSet(resolve(import.meta.dirname, '../..'));
const evalSet = loadEvalSet();

describe('entity linking on the evaluation set', () => {
  it('is big enough to mean something: 400+ labelled spans, a third on pages after 28 February 2026', () => {
    const spans = evalSet.pages.flatMap((p) => p.spans);
    const later = evalSet.pages.filter(AFTER_2026_02_28).flatMap((p) => p.spans);
    expect(spans.length).toBeGreaterThanOrEqual(400);
    expect(later.length / spans.length).toBeGreaterThanOrEqual(1 / 3);
  });

  for (const [part, pages] of [
    ['all pages', evalSet.pages],
    ['pages after 28 February 2026', evalSet.pages.filter(AFTER_2026_02_28)],
  ] as const) {
    it(`links with precision >= 0.98 and recall >= 0.92 on ${part}`, () => {
      const score = scorePages(set, pages);
      const detail = score.errors.map((e) => `${e.page}: ${e.kind}: ${e.words}`).join('\n');
      expect(score.precision, detail).toBeGreaterThanOrEqual(0.98);
      expect(score.recall, detail).toBeGreaterThanOrEqual(0.92);
    });
  }
});
