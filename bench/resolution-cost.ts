/**
 * `npx tsx bench/resolution-cost.ts`: what the linking pass (issue #14) adds
 * to matching, in Node, in the same run: the one-pass matcher alone (what the
 * content script did before) against the matcher plus resolution (what it
 * does now), on the 1 MB benchmark page with 2,000 terms and on the real set
 * over the evaluation pages (where short forms and blocks occur). Reports
 * medians of 15 runs after 5 warm-ups; it asserts nothing.
 */
import { resolve } from 'node:path';
import { loadAnnotationSet } from '../lib/node/data-check/load-files';
import { formApplies } from '../lib/shared/mentions/active-forms';
import { compileEntityForms, entityMatcher } from '../lib/shared/mentions/entity-forms';
import { resolveMentions, shortSenses } from '../lib/shared/mentions/resolve-mentions';
import { findAllMatches } from '../lib/shared/mentions/surface-form-matcher';
import type { Entity } from '../lib/shared/annotations/types';
import { loadEvalSet, pageText } from '../tests/eval/linking-eval';
import { spread } from './stats';
import { SYNTHETIC_DATE, syntheticEntities, syntheticPage } from './synthetic-page';

function measure(label: string, entities: Entity[], texts: string[], date: string): void {
  const index = compileEntityForms(entities);
  const senses = shortSenses(entities, (_e, form) => formApplies(form, date));
  const matchOnly = () => {
    let n = 0;
    for (const text of texts) n += findAllMatches(entityMatcher(entities, index, date), text).length;
    return n;
  };
  const matchAndResolve = () => {
    let n = 0;
    for (const text of texts) {
      const raw = findAllMatches(entityMatcher(entities, index, date), text).map((m) => ({ start: m.start, end: m.end, ref: m.value }));
      n += resolveMentions(raw, text, date, senses).length;
    }
    return n;
  };
  const time = (f: () => number) => {
    const t0 = performance.now();
    const n = f();
    return { ms: performance.now() - t0, n };
  };
  for (let i = 0; i < 5; i++) (matchOnly(), matchAndResolve());
  const a: number[] = [];
  const b: number[] = [];
  let counts = [0, 0];
  for (let i = 0; i < 15; i++) {
    // Alternate the order so neither always runs on a warmer heap.
    const [x, y] = i % 2 ? [time(matchAndResolve), time(matchOnly)] : [time(matchOnly), time(matchAndResolve)].reverse();
    b.push(x.ms);
    a.push(y.ms);
    counts = [y.n, x.n];
  }
  const ma = spread(a).median;
  const mb = spread(b).median;
  const chars = texts.reduce((s, t) => s + t.length, 0);
  console.log(
    `${label}: ${(chars / 1e6).toFixed(2)} M chars; matching ${ma.toFixed(1)} ms (${counts[0]} matches); ` +
      `matching + resolution ${mb.toFixed(1)} ms (${counts[1]} links); ratio ${(mb / ma).toFixed(2)}x`,
  );
}

const synthetic = syntheticEntities();
const page = syntheticPage(synthetic);
const text = page.html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');
measure('1 MB benchmark page, 2,000 terms', synthetic, [text], SYNTHETIC_DATE);

const { set } = loadAnnotationSet(resolve(import.meta.dirname, '..'));
const evalPages = loadEvalSet().pages;
const byDate = new Map<string, string[]>();
for (const p of evalPages) byDate.set(p.date, [...(byDate.get(p.date) ?? []), pageText(p)]);
// The evaluation pages repeated to about 1 MB, each on its own date (dated forms apply per page).
const texts: string[] = [];
while (texts.reduce((s, t) => s + t.length, 0) < 1_000_000) texts.push(...evalPages.map(pageText));
measure('evaluation pages x repeat, real set', set.entities, texts, '2026-06-01');
