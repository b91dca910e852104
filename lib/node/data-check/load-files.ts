/**
 * Reads the annotation set from `data/` (Node only: the data check, the
 * build and the tests use it; the extension gets the result bundled).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Window } from 'happy-dom';
import { EVENTS_FILE, type EventsFile } from './events';
import type { AnnotationSet, Article, Entity, Note, SharedEvent, Source } from '../../shared/annotations/types';
import { findArticleRoot } from '../../content/page/find-article-root';
import { buildTextIndex } from '../../content/text-index';
import type { DataFile, DataKind, DataProblem } from './problems';
import { validateAnnotationData } from './validate';

const FOLDERS: Record<string, DataKind> = { entities: 'entity', notes: 'note', articles: 'article' };
const SINGLE_FILES: Record<string, DataKind> = { 'sources.json': 'sources', 'source-policy.json': 'policy', 'set.json': 'set' };

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

function readJson(projectDir: string, full: string, kind: DataKind, files: DataFile[], problems: DataProblem[]): void {
  const path = relative(projectDir, full);
  try {
    files.push({ path, kind, json: JSON.parse(readFileSync(full, 'utf8')) });
  } catch (error) {
    problems.push({ file: path, path: '$', reason: `not valid JSON: ${(error as Error).message}` });
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
  for (const [name, kind] of Object.entries(SINGLE_FILES)) {
    const full = join(projectDir, 'data', name);
    if (existsSync(full)) readJson(projectDir, full, kind, files, problems);
  }
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    const dir = join(projectDir, 'data', folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (name.endsWith('.json')) readJson(projectDir, full, kind, files, problems);
      else problems.push({ file: relative(projectDir, full), path: '$', reason: 'only .json files belong in data folders' });
    }
  }
  return { files, events, problems };
}

/** Rendered article text of every article whose page copy is bundled, by id. */
function articleTexts(projectDir: string, files: DataFile[], problems: DataProblem[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    if (file.kind !== 'article') continue;
    const article = file.json as Partial<Article>;
    if (typeof article.id !== 'string' || typeof article.headline !== 'string') continue;
    const fixture = join(projectDir, 'data', 'page-copies', `${article.id}.html`);
    if (!existsSync(fixture)) continue;
    const text = renderedArticleText(readFileSync(fixture, 'utf8'), article.headline);
    if (text === null) {
      problems.push({ file: file.path, path: '$.headline', reason: `no <article> with this headline <h1> in ${relative(projectDir, fixture)}` });
    } else {
      texts.set(article.id, text);
    }
  }
  return texts;
}

const withoutSchema = (json: unknown) => {
  const { $schema: _schema, ...rest } = json as Record<string, unknown>;
  return rest;
};

/** Loads and validates. Problems empty means the set is good. */
export function loadAnnotationSet(projectDir: string): LoadResult {
  const { files, events, problems } = readDataFiles(projectDir);
  problems.push(...validateAnnotationData({ files, events, articleTexts: articleTexts(projectDir, files, problems) }));
  const all = <T>(kind: DataKind): T[] => files.filter((f) => f.kind === kind).map((f) => withoutSchema(f.json) as T);
  const one = (kind: DataKind) => files.find((f) => f.kind === kind)?.json as Record<string, unknown> | undefined;
  const set: AnnotationSet = {
    entities: all<Entity>('entity'),
    notes: all<Note>('note'),
    articles: all<Article>('article'),
    sources: (one('sources')?.sources as Source[] | undefined) ?? [],
    checkedTo: (one('set')?.checkedTo as string | undefined) ?? '',
    events: (events?.json as { events?: SharedEvent[] } | undefined)?.events ?? [],
  };
  return { set, problems };
}
