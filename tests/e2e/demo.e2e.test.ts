/**
 * `npm run demo` end to end, headless: it builds, serves the article, runs
 * the tour in Chromium and prints its report and screenshot paths.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../lib/node/harness/paths';
import { isPng } from '../../lib/node/harness/screenshots';

/** Runs the demo; resolves with its exit code and everything it printed. */
function runDemo(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done, failed) => {
    const child = spawn('npx', ['tsx', 'scripts/demo.ts', ...args], { cwd: REPO_ROOT, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', failed);
    child.on('close', (code) => done({ code, output }));
  });
}

/** The value printed after "label:" in the demo's report. */
function reported(output: string, label: string): string {
  const line = new RegExp(`^${label}: (.*)$`, 'm').exec(output);
  if (!line) throw new Error(`the demo printed no "${label}" line:\n${output}`);
  return line[1].trim();
}

it('runs headless: recognises the article, places every note, saves its screenshots', async () => {
  const { code, output } = await runDemo(['--headless']);
  expect(code, output).toBe(0);
  expect(reported(output, 'Article recognised')).toBe('yes');
  expect(Number(reported(output, 'Entities highlighted'))).toBeGreaterThan(20);
  expect(Number(reported(output, 'Notes placed'))).toBe(16);
  expect(Number(reported(output, 'Orphans'))).toBe(0);
  expect(reported(output, 'Time to annotate')).toMatch(/^\d+ ms$/);

  const screenshots = output.split('Screenshots:\n')[1]?.trim().split('\n').map((line) => line.trim()) ?? [];
  expect(screenshots).toEqual(['article', 'entity-card', 'popup', 'note-card'].map((name) => `artifacts/demo/${name}.png`));
  for (const path of screenshots) {
    const bytes = readFileSync(resolve(REPO_ROOT, path));
    expect(isPng(bytes), path).toBe(true);
    expect(bytes.length, path).toBeGreaterThan(1_000);
  }
}, 180_000);
