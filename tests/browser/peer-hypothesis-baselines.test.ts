/**
 * Backstory's anchoring against the Hypothesis client's saved-page
 * baselines (../shared/peer/hypothesis, read at test time through a
 * browser command, tests/support/peer-data.ts; see its NOTICE): every saved
 * annotation must anchor where Hypothesis anchors it. Real Chromium, as
 * Hypothesis runs them: the stored positions count body.textContent as a
 * browser parses the page (happy-dom parses <noscript> differently).
 */
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { anchor } from '../../lib/shared/anchoring/anchor';
import type { TextQuoteSelector } from '../../lib/shared/annotations/types';
import { buildTextIndex } from '../../lib/content/text-index';

interface Baselines {
  pages: { name: string; html: string; annotations: string }[];
}
interface Row {
  id: string;
  target: { selector: ({ type: 'TextPositionSelector'; start: number; end: number } | TextQuoteSelector | { type: 'RangeSelector' })[] }[];
}

/** Every text node under `root` with its offset in root.textContent (Hypothesis' TextPositionSelector coordinates). */
function rawTextNodes(root: Node): { node: Text; start: number }[] {
  const out: { node: Text; start: number }[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push({ node: n as Text, start: at });
    at += (n as Text).data.length;
  }
  return out;
}

/** [start, end) with whitespace at both ends left out (Backstory's index trims and collapses it). */
function trimmed(raw: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(raw[start])) start++;
  while (end > start && /\s/.test(raw[end - 1])) end--;
  return [start, end];
}

describe('Hypothesis saved-page baselines (shared/peer/hypothesis/baselines.json)', () => {

  const pages = [
    { name: 'Minimal Document', html: 'minimal.html', annotations: 'minimal.json' },
    { name: 'Wikipedia - Regression Testing', html: 'wikipedia-regression-testing.html', annotations: 'wikipedia-regression-testing.json' },
  ];

  it('covers every page the data lists', async () => {
    const listed = JSON.parse(await commands.readPeerFile('baselines.json')) as Baselines;
    expect(listed.pages).toEqual(pages);
  });

  for (const page of pages) {
    it(`anchors every annotation of "${page.name}" where Hypothesis anchors it`, async () => {
      // As Hypothesis' html-test.js: the saved page becomes a frame's document, anchored in its body.
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const doc = frame.contentDocument!;
      doc.documentElement.innerHTML = await commands.readPeerFile(page.html);
      const body = doc.body;
      const raw = body.textContent ?? '';
      const nodes = rawTextNodes(body);
      const rawOffset = (node: Node, offset: number) => nodes.find((n) => n.node === node)!.start + offset;
      const index = buildTextIndex(body);
      const rows = JSON.parse(await commands.readPeerFile(page.annotations)).rows as Row[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const selectors = row.target[0].selector;
        const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
        const position = selectors.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
        // Where Hypothesis anchors it: its stored position over body.textContent holds the quote.
        expect(raw.slice(position.start, position.end), row.id).toBe(quote.exact);
        // Backstory from the quote and its context alone: the stored position counts every
        // character of textContent (scripts, runs of whitespace), not Backstory's rendered text.
        const result = anchor(index, [quote]);
        expect(result.status, `${row.id}: ${quote.exact.slice(0, 40)}`).toBe('anchored');
        if (result.status !== 'anchored') continue;
        const range = index.toRange(result.start, result.end)!;
        const got = trimmed(raw, rawOffset(range.startContainer, range.startOffset), rawOffset(range.endContainer, range.endOffset));
        expect(got, `${row.id}: "${quote.exact.slice(0, 40)}" (prefix ${JSON.stringify(quote.prefix)})`).toEqual(
          trimmed(raw, position.start, position.end),
        );
      }
    });
  }
});
