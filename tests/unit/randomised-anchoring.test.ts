/**
 * Seeded randomised test of the engine on mangled copies of the article:
 * text nodes split at random, random spans wrapped in inline elements, and
 * (in half the cases) words edited away from the notes' quotes. Whatever the
 * mangling, nothing throws, only real surface forms are highlighted, every
 * mention is found when no word was edited, and every note whose quote is
 * intact is anchored on exactly its words.
 */
import { describe, expect, it } from 'vitest';
import { anchor } from '../../lib/shared/anchoring/anchor';
import { firstDay } from '../../lib/shared/mentions/active-forms';
import { createMentionMatcher, findMentions } from '../../lib/shared/mentions/find-mentions';
import { findArticleRoot } from '../../lib/content/page/find-article-root';
import { normalizeText } from '../../lib/shared/text/normalize';
import { buildTextIndex, type TextIndex } from '../../lib/content/text-index';
import { NODE_KEEPING } from '../../lib/content/text-node-finder';
import { annotationSet, article, articleHtml } from '../support/bundled-data';
import { seededRandom } from '../support/seeded-random';

const CASES = 600;
const SEED = 20250422;

const matcher = createMentionMatcher(annotationSet.entities, firstDay(article.published));
const notes = article.notes.map((id) => annotationSet.notes.find((n) => n.id === id)!);
const targets = notes.flatMap((n) => n.targets.map((t) => ({ note: n.id, selector: t.selector })));
const formsByEntity = new Map(
  annotationSet.entities.map((e) => [e.id, e.surfaceForms.map((f) => ({ text: normalizeText(f.text), ignoreCase: !!f.ignoreCase }))]),
);
const REPLACEMENTS = ['quietly', 'several', 'however', 'lorem', 'ipsum', 'notably', 'broadly'];
const INLINE = ['em', 'span', 'strong', 'a', 'b', 'i', 'mark'];

const pristine = new DOMParser().parseFromString(articleHtml.replace(/<link rel="stylesheet"[^>]*>/g, ''), 'text/html');

/** A fresh copy of the article element, in the test document (happy-dom's Ranges need that). */
function freshRoot(): Element {
  const root = document.importNode(findArticleRoot(pristine, article.headline)!, true);
  document.body.replaceChildren(root);
  return root;
}

function textNodes(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) out.push(n as Text);
  return out;
}

function quoteSpans(index: TextIndex): [number, number][] {
  return targets.map((t) => {
    const exact = normalizeText((t.selector[0] as { exact: string }).exact);
    const at = index.text.indexOf(exact);
    return [at, at + exact.length] as [number, number];
  });
}

/** Replaces up to `count` words that lie outside every quote. */
function editWords(root: Element, random: () => number, count: number): number {
  const index = buildTextIndex(root);
  const spans = quoteSpans(index);
  let edited = 0;
  for (let attempt = 0; attempt < count * 10 && edited < count; attempt++) {
    const nodes = textNodes(root);
    const node = nodes[Math.floor(random() * nodes.length)];
    const words = [...node.data.matchAll(/[A-Za-z]{4,}/g)];
    if (words.length === 0) continue;
    const word = words[Math.floor(random() * words.length)];
    const start = index.offsetOf(node, word.index!);
    const end = start + word[0].length;
    if (start < 0 || spans.some(([s, e]) => start < e + 1 && end > s - 1)) continue;
    node.replaceData(word.index!, word[0].length, REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)]);
    edited++;
  }
  return edited;
}

function splitAndWrap(root: Element, random: () => number): void {
  const doc = root.ownerDocument;
  for (let i = 0; i < 25; i++) {
    const nodes = textNodes(root);
    const node = nodes[Math.floor(random() * nodes.length)];
    if (node.data.length < 2) continue;
    const at = 1 + Math.floor(random() * (node.data.length - 1));
    const tail = node.splitText(at);
    if (random() < 0.5 && tail.data.length > 1) {
      const len = 1 + Math.floor(random() * Math.min(30, tail.data.length - 1));
      tail.splitText(len);
      const wrapper = doc.createElement(INLINE[Math.floor(random() * INLINE.length)]);
      tail.parentNode!.insertBefore(wrapper, tail);
      wrapper.append(tail);
    }
  }
}

function mentionsOf(index: TextIndex) {
  return findMentions(index.text, matcher).map((m) => ({ ...m, text: index.text.slice(m.start, m.end) }));
}

describe('randomised mangling of the article', () => {
  const baseline = mentionsOf(buildTextIndex(freshRoot())).map((m) => `${m.entityId}:${m.text}`);

  it(`holds over ${CASES} seeded cases`, () => {
    const random = seededRandom(SEED);
    let editedCases = 0;
    let anchoredChecks = 0;
    for (let c = 0; c < CASES; c++) {
      const root = freshRoot();
      const editing = c % 2 === 1;
      if (editing) editedCases += editWords(root, random, 1 + Math.floor(random() * 6)) > 0 ? 1 : 0;
      splitAndWrap(root, random);
      const context = `case ${c} (seed ${SEED})`;

      // The index finds most entries again from a checkpoint (text-node-finder.ts): vary which it keeps,
      // and whether it reads plain blocks whole (rendered-text.ts), which must give the same text.
      const keeping = [NODE_KEEPING, { kept: 0, every: 1 }, { kept: 0, every: 2 }, { kept: 3, every: 5 }, { kept: 10, every: 16 }][c % 5];
      const plainBlocks = Math.floor(c / 5) % 2 === 0;
      const index = buildTextIndex(root, { keeping, plainBlocks });
      if (plainBlocks) expect(index.text, context).toBe(buildTextIndex(root, { plainBlocks: false }).text);
      const mentions = mentionsOf(index);
      for (const m of mentions) {
        const range = index.toRange(m.start, m.end)!;
        const shown = normalizeText(range.toString());
        const ok = formsByEntity.get(m.entityId)!.some((f) => (f.ignoreCase ? f.text.toLowerCase() === shown.toLowerCase() : f.text === shown));
        expect(ok, `${context}: "${shown}" is not a form of ${m.entityId}`).toBe(true);
      }
      if (!editing) expect(mentions.map((m) => `${m.entityId}:${m.text}`), context).toEqual(baseline);

      for (const target of targets) {
        const exact = normalizeText((target.selector[0] as { exact: string }).exact);
        if (!index.text.includes(exact)) continue;
        const result = anchor(index, target.selector);
        expect(result.status, `${context}: ${target.note}`).toBe('anchored');
        if (result.status === 'anchored') {
          expect(normalizeText(index.toRange(result.start, result.end)!.toString()), `${context}: ${target.note}`).toBe(exact);
          anchoredChecks++;
        }
      }
    }
    expect(editedCases).toBeGreaterThan(CASES / 2 - 20);
    expect(anchoredChecks).toBeGreaterThan(CASES * targets.length * 0.9);
  }, 60_000);
});
