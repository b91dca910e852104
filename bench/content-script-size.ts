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

/** The budget, 25 KB, read as 25,000 bytes (the stricter reading). */
export const CONTENT_SCRIPT_BUDGET_BYTES = 25_000;

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
