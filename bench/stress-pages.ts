/**
 * The big and busy pages of the red-team review (shared/reviews/
 * redteam-2026-12.md, S1, S1c, S2, S4, S5, M5), made from the article copy
 * (data/page-copies) so the real build and data apply: the annotated
 * article's own paragraphs repeated to a size, edited, run together or cut
 * into many text nodes. Each carries the probe (stress-probe.ts) as the
 * page's own script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../lib/node/harness/fixture-server';
import { PROBE_SCRIPT } from './stress-probe';

export const STRESS_ARTICLE_PATH = '/en/202504220389';

export interface StressPage {
  id: string;
  title: string;
  html: string;
  /** Characters of text in the article. */
  textChars: number;
  /** The page's own work: replace two paragraphs every frame for this long after load (ms). */
  stormMs?: number;
  /** Measure real pointer moves over the text (the probe records their delay). */
  pointer: boolean;
}

const ARTICLE = readFileSync(join(FIXTURES_DIR, 'iranintl-202504220389.html'), 'utf8');
const BODY_OPEN = '<main class="article__body">';
const bodyStart = ARTICLE.indexOf(BODY_OPEN) + BODY_OPEN.length;
const bodyEnd = ARTICLE.indexOf('</main>', bodyStart);
/** The article body's paragraphs (the figures are left out: repeated images would only test the network). */
const PARAGRAPHS = ARTICLE.slice(bodyStart, bodyEnd).match(/<p>[\s\S]*?<\/p>/g) ?? [];
const PARAGRAPH_TEXTS = PARAGRAPHS.map((p) => p.replace(/<[^>]+>/g, ''));

/** The article copy with its body replaced, and the probe as the page's first script. */
function articleWith(body: string, storm?: number): string {
  const probe = `<script>${PROBE_SCRIPT}${storm ? `;__probe.storm(${storm})` : ''}</script>`;
  return ARTICLE.slice(0, bodyStart).replace('<head>', `<head>${probe}`) + body + ARTICLE.slice(bodyEnd);
}

/** Paragraphs of the article repeated until their text reaches `chars`. */
function repeated(chars: number, edit: (p: string, i: number) => string = (p) => p): { html: string; textChars: number } {
  const parts: string[] = [];
  let textChars = 0;
  for (let i = 0; textChars < chars; i++) {
    const k = i % PARAGRAPHS.length;
    parts.push(edit(PARAGRAPHS[k], i));
    textChars += PARAGRAPH_TEXTS[k].length + 1;
  }
  return { html: parts.join('\n'), textChars };
}

/**
 * Every 25th letter of the text replaced (tags untouched): about 4% edits,
 * so no note's quote (all longer than 25 characters) is found exactly and
 * every one must be anchored fuzzily, as the review's S1c page.
 */
function lightlyEdited(paragraph: string, seed: number): string {
  let n = seed % 25;
  return paragraph.replace(/>([^<]+)</g, (_, text: string) => {
    const edited = text.replace(/[a-z]/g, (ch) => (++n % 25 === 0 ? (ch === 'e' ? 'a' : 'e') : ch));
    return `>${edited}<`;
  });
}

export function stressPages(): StressPage[] {
  const tenMb = repeated(10_000_000);
  const edited = repeated(1_000_000, lightlyEdited);
  // One text node: the article's text with doubled spaces and no-break spaces, so whitespace collapses throughout.
  let single = '';
  while (single.length < 2_000_000) single += PARAGRAPH_TEXTS.map((t) => t.replace(/ /g, '  ').replace(/, /g, ',\u00a0')).join('  ');
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // 10,000 paragraphs of 20 inline runs: 200,000 text nodes.
  const words = PARAGRAPH_TEXTS.join(' ').split(' ');
  const runs: string[] = [];
  for (let p = 0, w = 0; p < 10_000; p++) {
    const spans: string[] = [];
    for (let r = 0; r < 20; r++) spans.push(`<span>${escape(words[w++ % words.length])} </span>`);
    runs.push(`<p>${spans.join('')}</p>`);
  }
  // 5,000 paragraphs of 10 mentions: 50,000 highlights.
  const mentions = ['Araghchi', 'Beijing', 'Xi Jinping', 'Muscat', 'Steve Witkoff', 'Oman', 'Rome', 'Tehran', 'Washington', 'Vladimir Putin'];
  const many = Array.from({ length: 5_000 }, (_, i) => `<p>Paragraph ${i}: ${mentions.map((m) => `${m} said so`).join(', ')}.</p>`);
  const oneMb = repeated(1_000_000);
  return [
    { id: 'ten-mb', title: '10 MB article (the article repeated)', html: articleWith(tenMb.html), textChars: tenMb.textChars, pointer: true },
    { id: 'edited-1mb', title: '1 MB article, every passage lightly edited (fuzzy anchoring)', html: articleWith(edited.html), textChars: edited.textChars, pointer: true },
    { id: 'one-node-2mb', title: 'a single 2 MB text node', html: articleWith(`<p>${escape(single)}</p>`), textChars: single.length, pointer: true },
    { id: 'nodes-200k', title: '200,000 text nodes', html: articleWith(runs.join('\n')), textChars: 10_000 * 20 * 6, pointer: true },
    { id: 'highlights-50k', title: '50,000 highlights', html: articleWith(many.join('\n')), textChars: many.join(' ').length, pointer: true },
    {
      id: 'storm-1mb',
      title: '1 MB article, two paragraphs replaced every frame for 10 s',
      html: articleWith(oneMb.html, 10_000),
      textChars: oneMb.textChars,
      stormMs: 10_000,
      pointer: false,
    },
  ];
}
