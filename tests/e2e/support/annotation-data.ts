/**
 * Expected card contents, read from the annotation data the build ships, so
 * the tests follow the data rather than copies of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Entity, Note, SharedEvent } from '../../../lib/shared/annotations/types';
import { REPO_ROOT } from '../../../lib/node/harness/paths';

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(REPO_ROOT, relativePath), 'utf8')) as T;
}

export const entityRecord = (id: string) => readJson<Entity>(`data/entities/${id}.json`);
export const noteRecord = (id: string) => readJson<Note>(`data/notes/${id}.json`);
export const articleRecord = () => readJson<Article>('data/articles/iranintl-202504220389.json');
export const eventRecord = (id: string) => {
  const found = readJson<{ events: SharedEvent[] }>('data/events.json').events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id} in data/events.json`);
  return found;
};
