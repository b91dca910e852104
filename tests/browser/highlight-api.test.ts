import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter, HIGHLIGHT_NAMES } from '../../lib/content/highlight/highlighter';
import { caretAt, rangeContainsPoint } from '../../lib/content/highlight/hit-test';
import { buildTextIndex } from '../../lib/content/text-index';

describe('CSS Custom Highlight API in Chromium', () => {
  let highlighter: Highlighter | null = null;
  afterEach(() => highlighter?.dispose());

  it('registers ranges without touching the DOM and finds them under the pointer', () => {
    const article = document.createElement('article');
    article.innerHTML = '<p style="font: 20px/1.5 monospace">Foreign Minister Abbas Araghchi is traveling to Beijing</p>';
    document.body.append(article);
    const before = article.innerHTML;
    const index = buildTextIndex(article);
    const start = index.text.indexOf('Araghchi');
    const range = index.toRange(start, start + 8)!;
    highlighter = new Highlighter('underline');
    highlighter.setEntityRanges([range]);
    expect(CSS.highlights.get(HIGHLIGHT_NAMES.entity)?.size).toBe(1);
    expect(article.innerHTML).toBe(before);

    const rect = range.getBoundingClientRect();
    const caret = caretAt(document, rect.left + rect.width / 2, rect.top + rect.height / 2)!;
    const offset = index.offsetOf(caret.node, caret.offset);
    expect(offset).toBeGreaterThanOrEqual(start);
    expect(offset).toBeLessThanOrEqual(start + 8);
    expect(rangeContainsPoint(range, rect.left + 2, rect.top + 2)).toBe(true);
    expect(rangeContainsPoint(range, rect.right + 30, rect.top + 2)).toBe(false);
  });
});
