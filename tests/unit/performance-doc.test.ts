import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benchBlock, replaceBenchBlock, writePerformanceDoc } from '../../bench/performance-doc';

const DOC = `# Performance

How it is measured (hand-written).

<!-- bench:start -->
old figures: 12.7 ms
<!-- bench:end -->

## Reading the figures

Text after the block.
`;

describe('replaceBenchBlock', () => {
  it('replaces only what lies between the markers, keeping the text around them byte for byte', () => {
    const out = replaceBenchBlock(DOC, 'new figures: 9.9 ms');
    expect(out).toBe(DOC.replace('old figures: 12.7 ms', 'new figures: 9.9 ms'));
  });

  it('replaces the previous run\'s figures instead of adding to them', () => {
    const once = replaceBenchBlock(DOC, 'run 1');
    const twice = replaceBenchBlock(once, 'run 2');
    expect(twice).toBe(DOC.replace('old figures: 12.7 ms', 'run 2'));
    expect(twice).not.toContain('run 1');
  });

  it('works on an empty block', () => {
    const empty = '<!-- bench:start --><!-- bench:end -->\n';
    expect(replaceBenchBlock(empty, 'x')).toBe('<!-- bench:start -->\nx\n<!-- bench:end -->\n');
  });

  it('refuses a document without both markers, with repeated markers, or with them reversed', () => {
    expect(() => replaceBenchBlock('# Performance\n', 'x')).toThrow('needs the markers <!-- bench:start --> and <!-- bench:end -->');
    expect(() => replaceBenchBlock('<!-- bench:start -->\n', 'x')).toThrow('needs the markers');
    expect(() => replaceBenchBlock(`${DOC}\n<!-- bench:start -->\n<!-- bench:end -->\n`, 'x')).toThrow('more than one pair');
    expect(() => replaceBenchBlock('<!-- bench:end -->\n<!-- bench:start -->\n', 'x')).toThrow('<!-- bench:end --> before <!-- bench:start -->');
  });
});

describe('benchBlock', () => {
  it('dates the figures and keeps the printed report verbatim in a text block', () => {
    const block = benchBlock('2026-12-01T09:41:07.123Z', '\nArticle page\n  busy time, ms    12.7\n\n');
    expect(block).toBe(
      ['Written by `npm run bench` on 2026-12-01 09:41:07 UTC; do not edit by hand.', '', '```text', 'Article page\n  busy time, ms    12.7', '```'].join('\n'),
    );
  });
});

describe('writePerformanceDoc', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the dated report into the block of the file and leaves the prose alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'performance-doc-'));
    const path = join(dir, 'performance.md');
    writeFileSync(path, DOC);
    const report = 'Backstory benchmark: Chrome/156.0, 2 cores (Test CPU)\n  busy time to last highlight placed, ms   12.0';
    expect(writePerformanceDoc('2026-12-01T09:41:07.123Z', report, path)).toBe(path);
    const written = readFileSync(path, 'utf8');
    expect(written).toBe(DOC.replace('old figures: 12.7 ms', benchBlock('2026-12-01T09:41:07.123Z', report)));
    expect(written).toContain('2026-12-01 09:41:07 UTC');
    expect(written).toContain('2 cores (Test CPU)');
  });
});
