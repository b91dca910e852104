/** PageReports as the content script sends them, for popup tests. */
import type { PageReport } from '../../lib/shared/messages';
import { annotationSet, article } from './bundled-data';

export function articleReport(overrides: Partial<PageReport> = {}): PageReport {
  const entity = (id: string, mentions: number) => {
    const e = annotationSet.entities.find((x) => x.id === id)!;
    return { id, name: e.name, type: e.type, mentions };
  };
  const notes = article.notes.map((id, i) => {
    const n = annotationSet.notes.find((x) => x.id === id)!;
    return { id, title: n.title, period: n.period, placed: i !== 0, singleSource: n.singleSource !== undefined };
  });
  return {
    status: 'article',
    url: 'https://www.iranintl.com/en/202504220389',
    article: {
      id: article.id,
      url: article.url,
      headline: article.headline,
      publisher: 'Iran International',
      published: article.published,
      summary: article.summary,
      singleSource: article.singleSource,
      lang: 'en',
      asOf: article.asOf,
    },
    entities: [entity('iran', 12), entity('ali-khamenei', 5), entity('xi-jinping', 4), entity('teapot-refineries', 1)],
    notes,
    annotationCount: 4 + notes.length - 1,
    checkedTo: annotationSet.checkedTo,
    ...overrides,
  };
}
