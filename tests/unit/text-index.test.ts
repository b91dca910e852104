import { describe, expect, it } from 'vitest';
import { normalizeCode, normalizeText, ONE_TO_ONE_TEXT } from '../../lib/shared/text/normalize';
import { isWordCode } from '../../lib/shared/text/word-chars';
import { buildTextIndex } from '../../lib/content/text-index';
import { LONG_TEXT_CHARS, renderedTextAfter, walkRenderedText, type WalkEntry } from '../../lib/content/rendered-text';
import { NODE_KEEPING } from '../../lib/content/text-node-finder';

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

/** A page with what the walk skips or cuts short between the text it keeps. */
const MIXED =
  '<p>Ali <a href="#">Kham</a><em>enei</em> met</p>\n<script>var x = 1;</script><p hidden>gone <b>away</b></p>' +
  '<details><p>closed body</p><summary>Sum <i>mary</i></summary><p>more</p></details>' +
  '<p> d<span>\u2019e </span> </p><div aria-hidden="true">no</div><p>line<br>break <em> </em> end</p>' +
  '<details open><summary>open</summary><p>shown</p></details><p>' + 'long '.repeat(4000) + '</p><p>last</p>';

/** Plain blocks (read whole) beside ones that are not, with whitespace to collapse inside and between their nodes. */
const PLAIN_BLOCKS =
  '<p>  Xi <a href="/x">Jin<b>ping</b></a>\u00a0 and  <em>Ali</em> <span>Kha\u00admenei</span>  </p><h2>A <q>\u201cquote\u201d</q></h2>' +
  '<p>Not <span style="color: red">plain</span> here</p><li>one</li><li><i></i>two <wbr>three</li><p>tail <a hidden>no</a> end</p>' +
  '<blockquote><p>inner <em>block</em></p> outer</blockquote><p>\n  <span> </span>\n</p><p>last words</p>';

/** The entries walkRenderedText reports (text nodes, and plain blocks up to `maxBlockChars`), in its order. */
function walkedEntries(el: Element, maxBlockChars: number): WalkEntry[] {
  const entries: WalkEntry[] = [];
  const sink = {
    text: (node: Text) => void entries.push(node),
    block: (block: Element) => void entries.push(block),
    *longText(node: Text) {
      entries.push(node);
    },
    boundary: () => {},
    length: 0,
    maxBlockChars,
  };
  for (const _ of walkRenderedText(el, sink));
  return entries;
}

describe('text nodes found again from checkpoints', () => {
  for (const maxBlockChars of [0, LONG_TEXT_CHARS]) {
    it(`walks on from any reported entry exactly as the walk did (${maxBlockChars ? 'plain blocks whole' : 'node by node'})`, () => {
      const el = root(MIXED);
      const walked = walkedEntries(el, maxBlockChars);
      const texts = walked.map((entry) => entry.textContent ?? '');
      expect(texts.some((t) => t.includes('mary'))).toBe(true);
      expect(texts.some((t) => t.includes('closed body'))).toBe(false);
      expect(walked.some((entry) => entry.nodeType === Node.ELEMENT_NODE)).toBe(maxBlockChars > 0);
      walked.forEach((entry, i) => expect(renderedTextAfter(el, entry, 4, maxBlockChars), `after entry ${i}`).toEqual(walked.slice(i + 1, i + 5)));
      expect(renderedTextAfter(el, document.createTextNode('elsewhere'), 3, maxBlockChars)).toBeNull();
    });
  }

  const keepings = [NODE_KEEPING, { kept: 0, every: 1 }, { kept: 0, every: 2 }, { kept: 0, every: 64 }, { kept: 4, every: 3 }];
  for (const [keeping, plainBlocks] of keepings.flatMap((k) => [[k, true], [k, false]] as const)) {
    it(`maps every character both ways, keeping the first ${keeping.kept} entries and every ${keeping.every} after, ${plainBlocks ? 'plain blocks whole' : 'node by node'}`, () => {
      const el = root(MIXED + PLAIN_BLOCKS);
      // Node by node and keeping every node, the index finds none again.
      const reference = buildTextIndex(el, { keeping: { kept: Infinity, every: 1 }, plainBlocks: false });
      const index = buildTextIndex(el, { keeping, plainBlocks });
      expect(index.text).toBe(reference.text);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      // Nodes in reverse document order, so stretches are first found from their last nodes.
      const nodes: Text[] = [];
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) nodes.unshift(node);
      for (const node of nodes) {
        for (let offset = 0; offset <= node.data.length; offset += node.data.length > 100 ? 997 : 1) {
          const context = `${JSON.stringify(node.data.slice(0, 20))} at ${offset}`;
          const written = offset < node.data.length && ![32, -1].includes(normalizeCode(node.data.charCodeAt(offset)));
          // A collapsed or dropped character maps to where its run was written, or to the character after:
          // node by node, which of the two depends on which node its run began in.
          if (written || !plainBlocks) expect(index.offsetOf(node, offset), context).toBe(reference.offsetOf(node, offset));
          else expect(Math.abs(index.offsetOf(node, offset) - reference.offsetOf(node, offset)), context).toBeLessThanOrEqual(1);
        }
      }
      for (let i = 0; i < index.text.length; i += 7) {
        const range = index.toRange(i, i + 5);
        const expected = reference.toRange(i, i + 5);
        expect([range?.startContainer, range?.startOffset, range?.endContainer, range?.endOffset], `at ${i}`).toEqual([
          expected?.startContainer,
          expected?.startOffset,
          expected?.endContainer,
          expected?.endOffset,
        ]);
      }
    });
  }

  it('places nothing, rather than on other words, in a stretch the page has changed since', () => {
    const el = root('<p>one</p><p>two</p><p>three</p><p>four</p><p>five</p><p>six</p>');
    const index = buildTextIndex(el, { keeping: { kept: 0, every: 2 } });
    const at = (word: string) => index.text.indexOf(word);
    // A node added inside the stretch of "three" and "four" (found from "three").
    el.children[2].append(document.createTextNode('!!'));
    expect(index.toRange(at('four'), at('four') + 4)).toBeNull();
    expect(index.offsetOf(el.children[3].firstChild!, 0)).toBe(-1);
    // The stretch before it is as it was.
    expect(index.toRange(at('two'), at('two') + 3)!.toString()).toBe('two');
    // A checkpoint ("five") taken out of the page: its stretch is not found again.
    const five = el.children[4];
    five.remove();
    expect(index.toRange(at('six'), at('six') + 3)).toBeNull();
    expect(index.offsetOf(el.lastElementChild!.firstChild!, 0)).toBe(-1);
  });

  it('places nothing on a kept node the page has taken out or changed since', () => {
    const el = root('<p>one</p><p>two</p><p>three</p>');
    const index = buildTextIndex(el);
    const at = (word: string) => index.text.indexOf(word);
    el.children[1].remove();
    (el.children[1].firstChild as Text).data = 'thirty';
    expect(index.toRange(at('two'), at('two') + 3)).toBeNull();
    expect(index.toRange(at('three'), at('three') + 5)).toBeNull();
    expect(index.toRange(at('one'), at('one') + 3)!.toString()).toBe('one');
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
