/**
 * Reads the annotation set from `data/` (Node only: the data check, the
 * build and the tests use it; the extension gets the result bundled).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Window } from 'happy-dom';
import { findArticleRoot } from '../page/find-article-root';
import { buildTextIndex } from '../text/text-index';
import { EVENTS_FILE, type EventsFile } from './check-events';
import type { AnnotationSet, Article, SharedEvent } from './types';
import { type DataFile, type DataKind, type DataProblem, validateAnnotationData } from './validate';

const FOLDERS: Record<string, DataKind> = { entities: 'entity', notes: 'note', articles: 'article' };

export interface LoadResult {
  set: AnnotationSet;
  problems: DataProblem[];
}

/** Rendered text of a saved page's article element (the offsets selectors use). */
export function renderedArticleText(html: string, headline: string): string | null {
  const window = new Window();
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const root = findArticleRoot(doc, headline);
    return root ? buildTextIndex(root).text : null;
  } finally {
    void window.happyDOM.close();
  }
}

export function readDataFiles(projectDir: string): { files: DataFile[]; events?: EventsFile; problems: DataProblem[] } {
  const files: DataFile[] = [];
  const problems: DataProblem[] = [];
  let events: EventsFile | undefined;
  const eventsPath = join(projectDir, EVENTS_FILE);
  if (existsSync(eventsPath)) {
    try {
      events = { path: EVENTS_FILE, json: JSON.parse(readFileSync(eventsPath, 'utf8')) };
    } catch (error) {
      problems.push({ file: EVENTS_FILE, path: '$', reason: `not valid JSON: ${(error as Error).message}` });
    }
  }
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    const dir = join(projectDir, 'data', folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const path = relative(projectDir, full);
      if (!name.endsWith('.json')) {
        problems.push({ file: path, path: '$', reason: 'only .json files belong in data folders' });
        continue;
      }
      try {
        files.push({ path, kind, json: JSON.parse(readFileSync(full, 'utf8')) });
      } catch (error) {
        problems.push({ file: path, path: '$', reason: `not valid JSON: ${(error as Error).message}` });
      }
    }
  }
  return { files, events, problems };
}

/** Loads, validates and strips editor-only fields. Problems empty means the set is good. */
export function loadAnnotationSet(projectDir: string): LoadResult {
  const { files, events, problems } = readDataFiles(projectDir);
  const articleTexts = new Map<string, string>();
  for (const file of files) {
    if (file.kind !== 'article') continue;
    const article = file.json as Partial<Article>;
    if (typeof article.id !== 'string' || typeof article.headline !== 'string') continue;
    const fixture = join(projectDir, 'tests', 'fixtures', `${article.id}.html`);
    if (!existsSync(fixture)) continue;
    const text = renderedArticleText(readFileSync(fixture, 'utf8'), article.headline);
    if (text === null) {
      problems.push({ file: file.path, path: '$.headline', reason: `no <article> with this headline <h1> in ${relative(projectDir, fixture)}` });
    } else {
      articleTexts.set(article.id, text);
    }
  }
  problems.push(...validateAnnotationData({ files, articleTexts, events }));
  const strip = <T>(kind: DataKind): T[] =>
    files
      .filter((f) => f.kind === kind)
      .map((f) => {
        const { $schema: _schema, ...rest } = f.json as Record<string, unknown>;
        return rest as T;
      });
  const sharedEvents = (events?.json as { events?: SharedEvent[] } | undefined)?.events ?? [];
  return { set: { entities: strip('entity'), notes: strip('note'), articles: strip('article'), events: sharedEvents }, problems };
}
