/** The annotated article a URL names, by the article records' URL rules (query, fragment and trailing slash ignored). */
import type { AnnotationSet, Article } from '../annotations/types';
import { normalizePath } from '../publisher';

/** What matching reads of a URL: a `URL`, or the page's own `location` (no parsing). */
export type PageLocation = Pick<URL, 'hostname' | 'pathname'>;

export function articleForUrl(set: Pick<AnnotationSet, 'articles'>, url: PageLocation): Article | undefined {
  const host = url.hostname.toLowerCase();
  const path = normalizePath(url.pathname);
  return set.articles.find((a) => a.urlRules.some((rule) => rule.path === path && rule.hosts.includes(host)));
}
