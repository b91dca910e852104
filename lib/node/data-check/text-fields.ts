/** Rule 2: text fields are plain text (the UI renders them as text), and links are https. */
import type { DataFile, Report } from './problems';

const MARKUP = /<\/?[a-z!][^>]*>|<[a-z]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const URL_KEYS = new Set(['url', 'source', '$schema']);

/** Every string in a JSON value with its path and key. */
export function* strings(value: unknown, path: string): Generator<[string, string, string]> {
  if (typeof value === 'string') {
    yield [value, path, path.slice(path.lastIndexOf('.') + 1)];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
  }
}

export function checkTextFields(files: readonly DataFile[], report: Report): void {
  for (const file of files) {
    if (file.kind === 'policy') continue;
    for (const [value, path, key] of strings(file.json, '$')) {
      if (URL_KEYS.has(key)) continue;
      if (MARKUP.test(value)) report(file.path, path, 'markup is not allowed in text fields (write plain text)');
      if (/\bhttp:\/\//.test(value)) report(file.path, path, 'URL must use https');
    }
  }
}
