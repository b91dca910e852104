/**
 * Packs the floor script (floor/content.ts) as an extension of its own,
 * beside a build of Backstory: the same manifest entry (hosts, run_at, the
 * build's content.css). The floor matches in the page, so it runs the
 * build's annotation-data.js first, which Backstory's page never loads (its
 * background matches: docs/decisions/0031-matching-in-the-background.md); the
 * floor's time therefore includes evaluating the set, which Backstory's does not.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { HIGHLIGHT_NAMES } from '../lib/content/highlight/highlighter';
import { DATA_SCRIPT } from '../lib/shared/annotations/bundled-set';

const SOURCE = join(import.meta.dirname, 'floor', 'content.ts');

interface ContentScriptEntry {
  matches: string[];
  run_at?: string;
  js: string[];
  css?: string[];
}

/** A new folder (removeTemporaryBuild removes it) with the floor extension for `buildDir`. */
export function floorExtension(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as { content_scripts: ContentScriptEntry[] };
  const [entry] = manifest.content_scripts;
  const data = DATA_SCRIPT;
  const css = entry.css?.[0];
  if (!existsSync(join(buildDir, data)) || !css) throw new Error(`${buildDir}: no ${data}, or no stylesheet in the content script entry`);
  // The floor paints through the build's own rule; a renamed highlight would leave it painting nothing, unnoticed.
  const name = HIGHLIGHT_NAMES.entity;
  if (!readFileSync(join(buildDir, css), 'utf8').includes(`::highlight(${name})`)) throw new Error(`${buildDir}/${css} has no ::highlight(${name}) rule`);

  const dir = join(mkdtempSync(join(tmpdir(), 'backstory-bench-floor-')), 'chrome-mv3');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(buildDir, data), join(dir, 'annotation-data.js'));
  copyFileSync(join(buildDir, css), join(dir, 'content.css'));
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, removeComments: true },
  });
  writeFileSync(join(dir, 'content.js'), outputText);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Backstory benchmark floor',
      version: '0.0.0',
      permissions: ['storage'],
      content_scripts: [{ matches: entry.matches, run_at: entry.run_at, css: ['content.css'], js: ['annotation-data.js', 'content.js'] }],
    }),
  );
  return dir;
}
