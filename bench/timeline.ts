/**
 * `npx tsx bench/timeline.ts`: what the timeline and the print page cost to
 * compute for the article, apart from rendering (the end-to-end run reports
 * rendered times in the real popup and pages: artifacts/bench/timeline-print.json).
 * Medians of 200 runs after 20 warm-up runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { TextQuoteSelector } from '../lib/shared/annotations/types';
import { loadAnnotationSet } from '../lib/node/data-check/load-files';
import { buildArticleText } from '../lib/content/article-text-from-index';
import { buildPageReport } from '../lib/content/page-report';
import { findArticleRoot } from '../lib/content/page/find-article-root';
import { buildPrintModel } from '../lib/extension/print/print-model';
import { normalizeText } from '../lib/shared/text/normalize';
import { buildTextIndex } from '../lib/content/text-index';
import { pageTimeline } from '../lib/extension/timeline/page-timeline';
import { spread } from './stats';

const root = resolve(import.meta.dirname, '..');
const { set, problems } = loadAnnotationSet(root);
if (problems.length > 0) throw new Error('data check fails: run npm run check:data');
const article = set.articles[0];

const window = new Window();
const doc = new window.DOMParser().parseFromString(readFileSync(resolve(root, 'data/page-copies', `${article.id}.html`), 'utf8'), 'text/html') as unknown as Document;
const index = buildTextIndex(findArticleRoot(doc, article.headline)!);
const notes = new Map(set.notes.map((n) => [n.id, n]));
const entities = new Map(set.entities.map((e) => [e.id, e]));
const passages = article.notes.flatMap((id) =>
  notes.get(id)!.targets.map((target) => {
    const quote = target.selector[0] as TextQuoteSelector;
    const start = index.text.indexOf(normalizeText((quote.prefix ?? '') + quote.exact + (quote.suffix ?? ''))) + normalizeText(quote.prefix ?? '').length;
    return { id, start, end: start + normalizeText(quote.exact).length };
  }),
);
// The report the content script sends: every mentioned entity found, every note placed.
const result = {
  mentionCounts: new Map(article.mentions.map((id) => [entities.get(id)!, 1])),
  notes: passages.map((p) => ({ kind: 'note' as const, ...p, range: null })),
} as unknown as Parameters<typeof buildPageReport>[3];
const report = buildPageReport('article', article.url, article, result, entities, notes, set.checkedTo, undefined, article.published);

function time(label: string, run: () => unknown): void {
  for (let i = 0; i < 20; i++) run();
  const runs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    run();
    runs.push(performance.now() - started);
  }
  const { median, min, max } = spread(runs);
  console.log(`${label.padEnd(52)} median ${median.toFixed(3)} ms  (min ${min.toFixed(3)}, max ${max.toFixed(3)})`);
}

const timeline = pageTimeline(set, report);
console.log(`article: ${timeline.items.length} timeline items from ${report.entities.length} entities and ${report.notes.length} notes`);
time('timeline: merge, de-duplicate, order', () => pageTimeline(set, report));
time('print: article text from the page (content script)', () => buildArticleText(index, article.headline, article.url, passages));
const text = buildArticleText(index, article.headline, article.url, passages);
time('print: model (paragraphs, endnotes, glossary)', () => buildPrintModel(text, report, set));
void window.happyDOM.close();
