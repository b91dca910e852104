/**
 * Builds the answer to `backstory:get-article-text` from the annotation
 * pass: block elements of the article become plain-text blocks cut from the
 * same normalised text the notes were anchored in, so a note's offsets land
 * exactly; a passage outside every block (a byline, say) is left out, and
 * the print page lists its note as not placed rather than guess.
 */
import type { ArticleBlock, ArticleText, BlockKind, NoteAnchor } from '../shared/article-text';
import type { TextIndex } from './text-index';

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre';

function kindOf(el: Element): BlockKind {
  const tag = el.tagName;
  if (tag === 'FIGCAPTION') return 'caption';
  if (tag === 'BLOCKQUOTE') return 'quote';
  if (tag === 'LI') return 'item';
  return /^H\d$/.test(tag) ? 'heading' : 'paragraph';
}

/** The index span of an element's text, or null if none of it was indexed (hidden, skipped). */
function spanOf(el: Element, index: TextIndex): [number, number] | null {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let start = -1;
  let end = -1;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const from = index.offsetOf(node, 0);
    if (from < 0) continue;
    if (start < 0) start = from;
    end = Math.max(end, index.offsetOf(node, node.data.length));
  }
  return start < 0 || end <= start ? null : [start, end];
}

export function buildArticleText(
  index: TextIndex,
  headline: string,
  url: string,
  passages: readonly { id: string; start: number; end: number }[],
): ArticleText {
  const candidates = Array.from(index.root.querySelectorAll(BLOCKS));
  // Innermost blocks only: a blockquote's paragraphs, not the blockquote as well.
  const leaves = candidates.filter((el) => !candidates.some((other) => other !== el && el.contains(other)));
  const spans: { kind: BlockKind; start: number; end: number }[] = [];
  for (const el of leaves) {
    const span = spanOf(el, index);
    if (!span) continue;
    let [start, end] = span;
    while (start < end && index.text[start] === ' ') start++;
    while (end > start && index.text[end - 1] === ' ') end--;
    if (end > start) spans.push({ kind: kindOf(el), start, end });
  }
  const paragraphs: ArticleBlock[] = spans.map((s) => ({ kind: s.kind, text: index.text.slice(s.start, s.end) }));
  const anchors: NoteAnchor[] = [];
  for (const passage of passages) {
    const at = spans.findIndex((s) => s.start <= passage.start && passage.start < s.end);
    if (at < 0) continue;
    const block = spans[at];
    anchors.push({ noteId: passage.id, paragraph: at, start: passage.start - block.start, end: Math.min(passage.end, block.end) - block.start });
  }
  return { headline, url, paragraphs, anchors };
}
