/**
 * What the content script costs to ship: the files the manifest's content
 * script entry loads, gzipped as a server or store would. The annotation set
 * is not among them: the background loads it (docs/decisions/0031-matching-in-the-background.md).
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

/**
 * Budget for what every page of the site loads before Backstory's first line.
 * It was 25,000 bytes (issue #3); the cards dated to the page, per-fact
 * sources, link resolution, "Not this", the closed top-layer card and sliced
 * work took the script to 30.9 KB, and moving matching and anchoring to the
 * background (issue #16) brought it back to 27.0 KB, and asking for a card's
 * records when it first opens (the record store) added 0.5 KB, and rendering
 * and laying out the first card during the hover delay 0.1 KB (28.5 KB), and
 * sending a long text in pieces (issue #18: the page's timers in Firefox)
 * about 0.3 KB (29.36 KB with main's packed mention list), and telling the
 * background what the page found, for the popup's early timeline (issue
 * #17), 0.08 KB (29.43 KB, after the background's schemas for the extension
 * pages were split off from the content script's), and stopping at a text
 * node too long to highlight in (decision 0034) 0.09 KB (29.52 KB). The
 * card's UI then moved to a file of its own, card-ui.js, compiled when a card
 * first renders instead of eagerly with the rest (decision 0035): the two
 * files gzip to 0.5 KB more than the one did (30.07 KB: content.js 15.5 KB,
 * card-ui.js 14.4 KB), while the code compiled in the injection task halved
 * (45.7 KB raw instead of 83.7 KB). Reading the page's two lists in
 * storage.local with one call and scheduling the idle work after the
 * highlights added 0.1 KB (30.2 KB) for 2-3 ms less busy time on the article
 * (docs/performance-log.md, 2026-12-01). Keeping only some of the text
 * nodes it walked, and finding the others again when needed (text-node-
 * finder.ts), added 0.58 KB (30.78 KB) for Backstory's longest task on the
 * 200,000-node page falling from 74-147 ms to 35-52 ms (issue #15;
 * performance-log.md, 2026-12-02). Reading plain blocks whole (decision
 * 0037) added 0.62 KB (31.40 KB) for the 1 MB page's busy time falling
 * from about 230 ms to about 120 ms. Starting the first pass in the page's
 * first idle period (decision 0038) added 0.06 KB (31.46 KB) for about 7 ms
 * less busy time on the article; fewer DOM calls in the text index's walk
 * 0.03 KB (31.49 KB) for the 1 MB page's first index 51 -> 43 ms; no hit
 * test of the pointer while nothing is placed 0.03 KB (31.53 KB), for no
 * task of Backstory's on pointer moves over the 10 MB page (57 ms once);
 * keeping the last analysis for the same words 0.1 KB (31.62 KB), for a
 * re-render's highlights back in 49 ms instead of 58 (busy 7.0 against 8.9);
 * one walk for both ends of a Range in a block 0.07 KB (31.70 KB), for the
 * re-render's Ranges 2.0 -> 1.4 ms. The way under 25 KB is to load card-ui.js
 * only when a card first opens, which needs the `scripting` permission or a
 * web-accessible file; until then this guards against growth.
 */
export const CONTENT_SCRIPT_BUDGET_BYTES = 31_720;

export function contentScriptSize(buildDir: string): ContentScriptSize {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const names = new Set<string>();
  for (const entry of manifest.content_scripts ?? []) {
    for (const file of [...(entry.js ?? []), ...(entry.css ?? [])]) names.add(file);
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
