/**
 * Every message key the code uses exists in every locale: a missing key
 * would show its raw name to the reader. lib/i18n.ts types keys from the
 * English messages (a wrong key fails `npm run check`); this covers the
 * other locales, keys built at run time and the manifest's __MSG_ names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../lib/shared/annotations/types';

const ROOT = resolve(import.meta.dirname, '..', '..');
const LOCALES_DIR = join(ROOT, 'public', '_locales');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Keys passed to t() as literals, keys built from an entity type (`type_${…}`), and the manifest's __MSG_…__ names. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const sources = [...['components', 'lib', 'entrypoints'].flatMap((dir) => sourceFiles(join(ROOT, dir))), join(ROOT, 'wxt.config.ts')];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const [, key] of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(key);
    // Both branches of t(cond ? 'a' : 'b', …), on a line that calls t.
    for (const line of text.split('\n').filter((l) => /\bt\(/.test(l))) {
      for (const [, a, b] of line.matchAll(/\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'\s*[),]/g)) keys.add(a).add(b);
    }
    for (const [, prefix] of text.matchAll(/\bt\(\s*`([A-Za-z0-9]+_)\$\{[^}]*type\}`/g)) for (const type of ENTITY_TYPES) keys.add(`${prefix}${type}`);
    for (const [, key] of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.add(key);
  }
  return keys;
}

const locales = readdirSync(LOCALES_DIR).filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory());

describe('message keys', () => {
  const used = usedKeys();

  it('are found in the code (the scan itself works)', () => {
    expect(locales).toContain('en');
    for (const key of ['extName', 'printCopied', 'timelineMarkArticle', 'timelineSincePage', 'type_person', 'typePlural_place']) expect(used).toContain(key);
  });

  it.each(locales)('every key the code uses is in the %s messages, with a message', (locale) => {
    const messages = JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<string, { message?: unknown }>;
    const missing = [...used].filter((key) => typeof messages[key]?.message !== 'string' || messages[key].message === '');
    expect(missing).toEqual([]);
  });
});
