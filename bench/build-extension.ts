/**
 * The extension under test: a fresh production build in a folder of the
 * benchmark's own (others may be building into .output/ at the same time),
 * or an existing build when asked to reuse one. Also the variant with the
 * synthetic entity set: a copy of the build whose annotation-data.js is
 * replaced, so the code under test is byte-for-byte the real build.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { annotationDataScript } from '../lib/shared/annotations/bundled-set';
import type { AnnotationSet } from '../lib/shared/annotations/types';

export const PROJECT_DIR = resolve(import.meta.dirname, '..');
const DATA_SCRIPT = 'annotation-data.js';

export function checkBuild(dir: string): string {
  for (const file of ['manifest.json', DATA_SCRIPT, 'content-scripts/content.js']) {
    if (!existsSync(join(dir, file))) throw new Error(`${dir} is not a Chrome MV3 build of Backstory: ${file} is missing`);
  }
  return dir;
}

/** Runs a command to its end; its trimmed output, or an error carrying everything it printed. */
export async function runCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(command, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** `wxt build` (and the Firefox build beside it) into a new temporary folder; returns the chrome-mv3 folder. */
export async function buildExtension(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'backstory-bench-build-'));
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    await runCommand('npx', args, PROJECT_DIR, { ...process.env, BACKSTORY_OUT_DIR: outDir });
  }
  return checkBuild(join(outDir, 'chrome-mv3'));
}

/** The Firefox build beside a chrome-mv3 build (firefox-mv2 in the same folder), if there is one. */
export function firefoxBuildBeside(chromeDir: string): string | null {
  const dir = join(dirname(chromeDir), 'firefox-mv2');
  return existsSync(join(dir, 'manifest.json')) ? dir : null;
}

/** A copy of `buildDir` that bundles `set` instead of the real data. */
export function extensionWithData(buildDir: string, set: AnnotationSet): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'backstory-bench-synthetic-')), 'chrome-mv3');
  cpSync(buildDir, copy, { recursive: true });
  writeFileSync(join(copy, DATA_SCRIPT), annotationDataScript(set));
  return copy;
}

/** Removes a folder made by buildExtension or extensionWithData (the chrome-mv3 folder's temporary parent). */
export function removeTemporaryBuild(chromeDir: string): void {
  const parent = dirname(chromeDir);
  if (!parent.startsWith(join(tmpdir(), 'backstory-bench-'))) throw new Error(`not a benchmark folder: ${parent}`);
  rmSync(parent, { recursive: true, force: true });
}
