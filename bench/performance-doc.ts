/**
 * Writes the benchmark's report into docs/performance.md, between
 * `<!-- bench:start -->` and `<!-- bench:end -->`, so the figures there are
 * always the last run's and never typed by hand. Text outside the markers
 * is left exactly as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from './build-extension';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';
export const PERFORMANCE_DOC = join(PROJECT_DIR, 'docs', 'performance.md');

/** What goes between the markers: when and how the figures were made, then the printed report as it appeared. */
export function benchBlock(generatedAt: string, reportText: string): string {
  return [
    `Written by \`npm run bench\` on ${generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}; do not edit by hand.`,
    '',
    '```text',
    reportText.trim(),
    '```',
  ].join('\n');
}

/** `doc` with the text between the markers replaced by `block`; throws if the markers are missing, repeated or reversed. */
export function replaceBenchBlock(doc: string, block: string): string {
  const start = doc.indexOf(BENCH_START);
  const end = doc.indexOf(BENCH_END);
  const problem =
    start === -1 || end === -1
      ? `needs the markers ${BENCH_START} and ${BENCH_END}`
      : doc.indexOf(BENCH_START, start + 1) !== -1 || doc.indexOf(BENCH_END, end + 1) !== -1
        ? 'has more than one pair of bench markers'
        : end < start
          ? `has ${BENCH_END} before ${BENCH_START}`
          : null;
  if (problem) throw new Error(`The performance document ${problem}.`);
  return `${doc.slice(0, start + BENCH_START.length)}\n${block}\n${doc.slice(end)}`;
}

/**
 * Rewrites the figures in docs/performance.md (or `path`) with report.ts's
 * printed report (`formatReport`), dated `generatedAt`; returns the file
 * written. Takes the text rather than the report so that new scenarios in
 * the report need no change here.
 */
export function writePerformanceDoc(generatedAt: string, reportText: string, path = PERFORMANCE_DOC): string {
  const doc = readFileSync(path, 'utf8');
  writeFileSync(path, replaceBenchBlock(doc, benchBlock(generatedAt, reportText)));
  return path;
}
