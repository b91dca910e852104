/**
 * Static scan of a built extension for ways to reach the network: calls of
 * network APIs and remote URLs in its code, each one either on a precise
 * allow-list (with the reason it sends nothing) or a failure.
 *
 * annotation-data.js is treated apart: it must be nothing but JSON (a JSON
 * string handed to JSON.parse) assigned to a global, so it can run no code,
 * and its URLs may only sit in the fields that hold source links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type FindingKind = 'network-api' | 'remote-url';

export interface Finding {
  /** Path inside the build, with forward slashes. */
  file: string;
  kind: FindingKind;
  match: string;
  /** Up to 600 characters of code before the match, and 60 after it. */
  before: string;
  after: string;
}

export interface AllowRule {
  kind: FindingKind;
  file: RegExp;
  match: RegExp;
  /** Must match the code just before / just after the match. */
  before?: RegExp;
  after?: RegExp;
  why: string;
}

/** Calls that send or receive data over the network. */
const NETWORK_API = /\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bimportScripts\(|\bRTCPeerConnection\b/g;
const REMOTE_URL = /(?:https?|wss?|ftp):\/\/[^\s"'`)\\<>]+/g;

/** Extension pages' chunks: the popup, the full-tab timeline, the print page, and the chunk they share (Preact). */
const PAGE_CHUNKS = /^chunks\/(popup|timeline|print)-[\w-]+\.js$/;
// Preact renders the card (card-ui.js, the card's content script file: decision 0035) and the extension pages.
const PREACT_FILES = /^(card-ui\.js|chunks\/(popup|timeline|print)-[\w-]+\.js)$/;

export const ALLOW_LIST: readonly AllowRule[] = [
  {
    kind: 'remote-url',
    file: PREACT_FILES,
    match: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML)$/,
    why: 'XML namespace URIs in Preact’s renderer (createElementNS); identifiers, never fetched',
  },
  {
    kind: 'remote-url',
    file: /^card-ui\.js$/,
    match: /^https:\/\/www\.wikidata\.org\/wiki\/\$\{encodeURIComponent\(\w+\.wikidata$/,
    why: 'href of the “Wikidata Qnnn” link in an entity card (components/card/EntityCard.tsx); followed only when the reader clicks it',
  },
  {
    kind: 'network-api',
    file: PAGE_CHUNKS,
    match: /^fetch\($/,
    // Shape-tolerant (minifiers differ): the polyfill marks a <link> processed, then fetches its href.
    before: /"modulepreload"[\s\S]*\bif\(\w+\.ep\)return;\w+\.ep=!0;[\s\S]*$/,
    after: /^\w+\.href,\w+\)/,
    why: 'Vite’s modulepreload polyfill: fetches <link rel="modulepreload"> files of the extension page itself, only in browsers without modulepreload support (both targets have it); extension pages also have connect-src \'none\'',
  },
  {
    kind: 'network-api',
    file: /^background\.js$/,
    match: /^importScripts\($/,
    after: /^`\/\$\{\w+\}`\)|^"\/annotation-data\.js"\)/,
    why: 'Chrome’s service worker loads the extension’s own annotation-data.js from the package (entrypoints/background.ts); Firefox lists it in the manifest instead',
  },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export const DATA_FILE = 'annotation-data.js';

/** Every network API call and remote URL in the build's code, HTML and CSS (the data file apart). */
export function scanBuild(buildDir: string): Finding[] {
  const findings: Finding[] = [];
  for (const path of filesUnder(buildDir)) {
    const file = relative(buildDir, path).split('\\').join('/');
    if (file === DATA_FILE || !/\.(js|mjs|html|css)$/.test(file)) continue;
    const source = readFileSync(path, 'utf8');
    for (const [kind, pattern] of [['network-api', NETWORK_API], ['remote-url', REMOTE_URL]] as const) {
      for (const m of source.matchAll(pattern)) {
        const end = m.index + m[0].length;
        findings.push({ file, kind, match: m[0], before: source.slice(Math.max(0, m.index - 600), m.index), after: source.slice(end, end + 60) });
      }
    }
  }
  return findings;
}

export function ruleFor(finding: Finding): AllowRule | undefined {
  return ALLOW_LIST.find(
    (rule) =>
      rule.kind === finding.kind &&
      rule.file.test(finding.file) &&
      rule.match.test(finding.match) &&
      (!rule.before || rule.before.test(finding.before)) &&
      (!rule.after || rule.after.test(finding.after)),
  );
}

/** JSON paths (array indices as []) where the annotation data may hold a URL: source links. */
export const DATA_URL_FIELDS = [
  '.articles[].url',
  '.sources[].url',
  '.notes[].targets[].source',
] as const;

export interface DataUrl {
  path: string;
  url: string;
}

/**
 * Parses annotation-data.js, which must be exactly one assignment of
 * JSON.parse(<JSON string>) to globalThis.__BACKSTORY_DATA__, and lists every string in it that
 * contains a URL scheme, with its JSON path.
 */
export function dataUrls(buildDir: string): DataUrl[] {
  const source = readFileSync(join(buildDir, DATA_FILE), 'utf8');
  const head = 'globalThis.__BACKSTORY_DATA__ = JSON.parse(';
  const tail = ');\n';
  if (!source.startsWith(head) || !source.endsWith(tail)) throw new Error(`${DATA_FILE} is not a single JSON assignment`);
  // The argument must itself be JSON (a string literal), so the file can run no code.
  const data: unknown = JSON.parse(JSON.parse(source.slice(head.length, -tail.length)) as string);
  const urls: DataUrl[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (/[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push({ path, url: value });
    } else if (Array.isArray(value)) {
      value.forEach((item) => walk(item, `${path}[]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    }
  };
  walk(data, '');
  return urls;
}
