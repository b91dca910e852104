import { describe, expect, it } from 'vitest';
import { normalizeCode, normalizeText, ONE_TO_ONE_TEXT } from '../../lib/shared/text/normalize';
import { isWordCode } from '../../lib/shared/text/word-chars';
import { buildTextIndex } from '../../lib/content/text-index';

function root(html: string): Element {
  const el = document.createElement('article');
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

describe('text index', () => {
  it('joins inline elements without spaces and blocks with one space', () => {
    const index = buildTextIndex(root('<p>Ali <a href="#">Kham</a><em>enei</em> met</p><p>Xi   Jinping</p>'));
    expect(index.text).toBe('Ali Khamenei met Xi Jinping');
  });

  it('normalises curly quotes, non-breaking spaces and soft hyphens', () => {
    const index = buildTextIndex(root('<p>Iran\u2019s \u201cLook\u00a0to the E\u00adast\u201d</p>'));
    expect(index.text).toBe('Iran\'s "Look to the East"');
  });

  it('skips scripts, styles, hidden and aria-hidden nodes and its own nodes', () => {
    const index = buildTextIndex(
      root('<p>one</p><script>two</script><style>.x{}</style><p hidden>three</p><p aria-hidden="true">four</p><div data-backstory>five</div><p>six</p>'),
    );
    expect(index.text).toBe('one six');
  });

  it('maps offsets back to the DOM, across element boundaries', () => {
    const el = root('<p>Ali <a href="#">Kham</a><em>enei\u2019s</em> letter</p>');
    const index = buildTextIndex(el);
    const start = index.text.indexOf('Khamenei');
    const range = index.toRange(start, start + 'Khamenei'.length)!;
    expect(range.toString()).toBe('Khamenei');
    expect(range.startContainer.parentElement!.tagName).toBe('A');
    expect(range.endContainer.parentElement!.tagName).toBe('EM');
    expect(index.offsetOf(range.startContainer, range.startOffset)).toBe(start);
  });

  it('maps a collapsed space back to the first whitespace character', () => {
    const el = root('<p>a  \n  b</p>');
    const index = buildTextIndex(el);
    expect(index.text).toBe('a b');
    expect(index.toRange(0, 3)!.toString()).toBe('a  \n  b');
  });

  it('maps indented (pretty-printed) text with curly quotes back to the right characters', () => {
    const el = root('<p>\n    Iran\u2019s \u201cdeal\u201d\n  </p>\n  <p>\n    next <em>one</em>\n</p>');
    const index = buildTextIndex(el);
    expect(index.text).toBe('Iran\'s "deal" next one');
    for (let i = 0; i < index.text.length; i++) {
      const shown = index.toRange(i, i + 1)?.toString() ?? '';
      expect(normalizeText(shown).trim() || ' ', `character ${i}`).toBe(index.text[i]);
    }
    const deal = index.text.indexOf('deal');
    const range = index.toRange(deal, deal + 4)!;
    expect(range.startContainer.textContent!.slice(range.startOffset, range.endOffset)).toBe('deal');
  });
  it('maps every kept character of every text node to its offset and back, whitespace-only nodes included', () => {
    const el = root('<p>a <em> </em> b\u00a0 c</p>\n<p>\n</p><p> d<span>\u2019e </span> </p>');
    const index = buildTextIndex(el);
    expect(index.text).toBe("a b c d'e");
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let offset = 0; offset < node.data.length; offset++) {
        const at = index.offsetOf(node, offset);
        expect(at, `${JSON.stringify(node.data)} at ${offset}`).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThanOrEqual(index.text.length);
        if (/\s/.test(node.data[offset])) continue;
        const range = index.toRange(at, at + 1)!;
        expect([range.startContainer, range.startOffset]).toEqual([node, offset]);
      }
    }
  });
});

describe('normalisation', () => {
  // normalizeText and the index's fast path use character classes; the index's slow path uses normalizeCode.
  it('agrees with normalizeCode for every UTF-16 code unit', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const rule = normalizeCode(code);
      const expected = rule === -1 ? 'ab' : rule === 32 ? 'a b' : `a${String.fromCharCode(rule)}b`;
      const text = `a${String.fromCharCode(code)}b`;
      if (normalizeText(text) !== expected) disagreements.push(`normalizeText U+${code.toString(16)}`);
      // A single plain space between words is kept as it is; any other space or dropped character is not one to one.
      if (ONE_TO_ONE_TEXT.test(text) !== (rule !== -1 && (rule !== 32 || code === 32))) disagreements.push(`ONE_TO_ONE_TEXT U+${code.toString(16)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('collapses whitespace runs that contain dropped characters into one space', () => {
    expect(normalizeText(' a \u00ad\u00a0 b\u200b\t')).toBe(' a b ');
  });
});

describe('word characters', () => {
  it('are the letters, digits and combining marks of any script, for every UTF-16 code unit', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWordCode(code) !== /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code))) wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});
