/**
 * Hit tests ask the text index where a DOM point is in the text (offsetOf)
 * on every pointer move: on a page of 200,000 text nodes (the stress
 * benchmark's), that must stay far below a frame, wherever the point is.
 * Real Chromium, where a lookup by document position cost 2–3 ms at the
 * median and up to 0.4 s (bench/text-index.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildTextIndex } from '../../lib/content/text-index';

let root: HTMLElement | null = null;
afterEach(() => root?.remove());

describe('text index lookups on 200,000 text nodes (real Chromium)', () => {
  it('answers 2,000 offsetOf and toRange calls at scattered places within half a second in all', () => {
    root = document.createElement('article');
    const html: string[] = [];
    for (let p = 0; p < 10_000; p++) {
      const spans: string[] = [];
      for (let r = 0; r < 20; r++) spans.push(`<span>word${p}x${r} </span>`);
      html.push(`<p>${spans.join('')}</p>`);
    }
    root.innerHTML = html.join('');
    document.body.append(root);
    const index = buildTextIndex(root);
    const nodes = Array.from(root.querySelectorAll('span'), (span) => span.firstChild as Text);
    expect(nodes.length).toBe(200_000);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const points = Array.from({ length: 2000 }, () => nodes[Math.floor(random() * nodes.length)]);
    const found: { at: number; range: Range | null }[] = [];
    const started = performance.now();
    for (const node of points) {
      const at = index.offsetOf(node, 2);
      found.push({ at, range: index.toRange(at, at + 3) });
    }
    const elapsed = performance.now() - started;
    points.forEach((node, i) => {
      // The point maps to the third character of that node's word, and back.
      expect(index.text.slice(found[i].at, found[i].at + 3)).toBe(node.data.slice(2, 5));
      expect(found[i].range!.toString()).toBe(node.data.slice(2, 5));
    });
    expect(elapsed, `${elapsed.toFixed(0)} ms for 2,000 of each`).toBeLessThan(500);
  });
});
