/**
 * The article as plain text, as the content script answers
 * `backstory:get-article-text`: headline, blocks of text in page order, and
 * where each placed note's passage is (block index, offsets in its text).
 * The receiving page checks the answer with isArticleText before using it:
 * a page script cannot answer extension messages, but a content script of a
 * different version could, and a malformed answer must not become markup or
 * a misplaced note.
 */
export type BlockKind = 'paragraph' | 'heading' | 'caption' | 'quote' | 'item';

export const BLOCK_KINDS: readonly BlockKind[] = ['paragraph', 'heading', 'caption', 'quote', 'item'];

export interface ArticleBlock {
  kind: BlockKind;
  text: string;
}

export interface NoteAnchor {
  noteId: string;
  /** Index into `paragraphs`. */
  paragraph: number;
  /** UTF-16 offsets into that block's text; start < end. */
  start: number;
  end: number;
}

export interface ArticleText {
  headline: string;
  url: string;
  paragraphs: ArticleBlock[];
  /** Placed passages, in text order (a note with two passages has two). */
  anchors: NoteAnchor[];
}

const MAX_BLOCKS = 5_000;
const MAX_TEXT = 200_000;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function isArticleText(value: unknown): value is ArticleText {
  if (!isObject(value)) return false;
  const { headline, url, paragraphs, anchors } = value;
  if (typeof headline !== 'string' || headline.length > 1_000 || typeof url !== 'string' || url.length > 2_000) return false;
  if (!Array.isArray(paragraphs) || paragraphs.length > MAX_BLOCKS || !Array.isArray(anchors) || anchors.length > MAX_BLOCKS) return false;
  const blocksOk = paragraphs.every(
    (block) => isObject(block) && BLOCK_KINDS.includes(block.kind as BlockKind) && typeof block.text === 'string' && block.text.length <= MAX_TEXT,
  );
  if (!blocksOk) return false;
  return anchors.every((anchor) => {
    if (!isObject(anchor) || typeof anchor.noteId !== 'string' || !ID.test(anchor.noteId)) return false;
    const { paragraph, start, end } = anchor;
    if (!isIndex(paragraph) || !isIndex(start) || !isIndex(end) || paragraph >= paragraphs.length) return false;
    return start < end && end <= (paragraphs[paragraph] as ArticleBlock).text.length;
  });
}
