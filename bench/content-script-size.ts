/**
 * What the content script costs to ship: the files the manifest's content
 * script entry loads, except the data (annotation-data.js is the annotation
 * set, measured and reviewed separately), gzipped as a server or store would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface ContentScriptSize {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
}

const EXCLUDED = new Set(['annotation-data.js']);

/**
 * Budget for what every page of the site loads before Backstory's first line.
 * It was 25,000 bytes (issue #3) until 2026-12-01, when the cards dated to
 * the page, per-fact sources, link resolution and "Not this", the closed
 * top-layer card and sliced work took the script from 23.8 KB to 30.9 KB.
 * The way back under 25 KB is to load the card's UI (Preact, Floating UI,
 * the components: about 12 KB gzipped) when a card first opens (issue #16);
 * until then this guards against further growth.
 */
export const CONTENT_SCRIPT_BUDGET_BYTES = 32_000;

export function contentScriptSize(buildDir: string): ContentScriptSize {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const names = new Set<string>();
  for (const entry of manifest.content_scripts ?? []) {
    for (const file of [...(entry.js ?? []), ...(entry.css ?? [])]) if (!EXCLUDED.has(file)) names.add(file);
  }
  const files = [...names].map((file) => {
    const content = readFileSync(join(buildDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
