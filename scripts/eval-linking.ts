/**
 * `npm run eval:linking`: precision and recall of the entity linker on the
 * hand-labelled evaluation set, overall and on pages after 28 February 2026,
 * with the errors by kind (issue #14). `--errors` lists every error.
 */
import { resolve } from 'node:path';
import { loadAnnotationSet } from '../lib/node/data-check/load-files';
import { AFTER_2026_02_28, errorsByKind, loadEvalSet, scorePages, type Score } from '../tests/eval/linking-eval';

const { set } = loadAnnotationSet(resolve(import.meta.dirname, '..'));
const evalSet = loadEvalSet();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, s: Score) =>
  `${name.padEnd(24)} precision ${pct(s.precision)} (${s.correctLinks}/${s.links} links right)   recall ${pct(s.recall)} (${s.found}/${s.positives} mentions found)`;

const all = scorePages(set, evalSet.pages);
const later = scorePages(set, evalSet.pages.filter(AFTER_2026_02_28));
console.log(`${evalSet.pages.length} pages, ${evalSet.pages.reduce((n, p) => n + p.spans.length, 0)} labelled spans\n`);
console.log(line('all pages', all));
console.log(line('pages after 2026-02-28', later));
console.log('\nErrors by kind:');
for (const [kind, n] of errorsByKind(all.errors)) console.log(`  ${String(n).padStart(3)}  ${kind}`);
if (process.argv.includes('--errors')) {
  console.log('\nErrors:');
  for (const e of all.errors) console.log(`  ${e.date} ${e.page}: ${e.kind}: ${e.words} (expected ${e.expected ?? 'no link'}, got ${e.got ?? 'no link'})`);
}
