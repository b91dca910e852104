/**
 * The real annotation set and page copy, loaded through Vite so that both
 * unit (happy-dom) and browser-mode tests can use them.
 */
import { registerLookup, type SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import type { AnnotationSet, Article, Entity, Note, SharedEvent, Source } from '../../lib/shared/annotations/types';
import setFile from '../../data/set.json';
import register from '../../data/sources.json';
import eventsFile from '../../data/events.json';
import articleHtml from '../../data/page-copies/iranintl-202504220389.html?raw';
import siteCss from '../../data/page-copies/assets/site.css?raw';

const strip = <T>(modules: Record<string, unknown>): T[] =>
  Object.values(modules).map((m) => {
    const { $schema: _schema, ...rest } = (m as { default: Record<string, unknown> }).default;
    return rest as T;
  });

export const annotationSet: AnnotationSet = {
  entities: strip<Entity>(import.meta.glob('../../data/entities/*.json', { eager: true })),
  notes: strip<Note>(import.meta.glob('../../data/notes/*.json', { eager: true })),
  articles: strip<Article>(import.meta.glob('../../data/articles/*.json', { eager: true })),
  sources: register.sources as Source[],
  checkedTo: setFile.checkedTo,
  events: eventsFile.events as SharedEvent[],
};

/** The register as cards look it up. */
export const sources: SourceLookup = registerLookup(annotationSet.sources);

export const ARTICLE_URL = 'https://www.iranintl.com/en/202504220389';
export const article = annotationSet.articles.find((a) => a.id === 'iranintl-202504220389')!;
export { articleHtml };

/**
 * Replaces the test document's body with the page copy's body (no scripts
 * run) and applies the copy's stylesheet inline (tests serve no files).
 */
export function loadArticlePage(html: string = articleHtml): Document {
  const parsed = new DOMParser().parseFromString(html.replace(/<link rel="stylesheet"[^>]*>/g, ''), 'text/html');
  document.title = parsed.title;
  if (!document.getElementById('test-site-css')) {
    const style = document.createElement('style');
    style.id = 'test-site-css';
    style.textContent = siteCss;
    document.head.append(style);
  }
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  return document;
}

export function entity(id: string): Entity {
  const found = annotationSet.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
}

export function note(id: string): Note {
  const found = annotationSet.notes.find((n) => n.id === id);
  if (!found) throw new Error(`no note ${id}`);
  return found;
}
