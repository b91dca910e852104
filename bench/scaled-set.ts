/**
 * The real set made `factor` times larger for the data-on-demand benchmark
 * (issue #16): `factor - 1` renamed copies of every entity, note, article,
 * source and event, with the same text sizes, whose names and addresses
 * occur on no page. A page of the real article therefore finds exactly what
 * it finds today, and any extra cost is the set's size alone.
 */
import type { AnnotationSet } from '../lib/shared/annotations/types';

/** Maps every string that is one of `ids` to its copy's id, anywhere in `value`. */
function renameIds<T>(value: T, ids: ReadonlySet<string>, copy: (id: string) => string): T {
  if (typeof value === 'string') return (ids.has(value) ? copy(value) : value) as T;
  if (Array.isArray(value)) return value.map((item) => renameIds(item, ids, copy)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, renameIds(field, ids, copy)])) as T;
  }
  return value;
}

export function scaledAnnotationSet(set: AnnotationSet, factor: number): AnnotationSet {
  const ids = new Set([...set.entities, ...set.notes, ...set.articles, ...set.sources, ...(set.events ?? [])].map((r) => r.id));
  const scaled: AnnotationSet = { ...set, entities: [...set.entities], notes: [...set.notes], articles: [...set.articles], sources: [...set.sources], events: [...(set.events ?? [])] };
  for (let k = 1; k < factor; k++) {
    const tag = `Qx${k.toString(36)}`;
    const copy = renameIds(set, ids, (id) => `${id}-${tag.toLowerCase()}`);
    scaled.entities.push(
      ...copy.entities.map((e) => ({
        ...e,
        name: `${e.name} ${tag}`,
        // Forms no page contains: the copies are found nowhere, as most of a large set is on any one page.
        surfaceForms: e.surfaceForms.map((f) => ({ ...f, text: `${f.text} ${tag}` })),
      })),
    );
    scaled.notes.push(...copy.notes.map((n) => ({ ...n, targets: n.targets.map((t) => ({ ...t, source: `${t.source}-${tag}` })) })));
    scaled.articles.push(
      ...copy.articles.map((a) => ({
        ...a,
        url: `${a.url}-${tag}`,
        urlRules: a.urlRules.map((r) => ({ ...r, path: `${r.path}-${tag}` })),
      })),
    );
    scaled.sources.push(...copy.sources.map((s) => ({ ...s, url: `${s.url}${s.url.includes('?') ? '&' : '?'}copy=${tag}` })));
    scaled.events!.push(...(copy.events ?? []));
  }
  return scaled;
}
