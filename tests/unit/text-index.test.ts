import { describe, expect, it } from 'vitest';
import { buildTextIndex } from '../../lib/text/text-index';

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
});
