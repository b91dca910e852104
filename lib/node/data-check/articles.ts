/**
 * Rule 8: an article record names its publisher and notes, confirms its page
 * copy by fingerprints, and every entity it says it mentions is found there
 * by the same matcher the extension runs, on the article's date.
 */
import { firstDay } from '../../shared/mentions/active-forms';
import { linkMentions } from '../../shared/mentions/find-mentions';
import { normalizeText } from '../../shared/text/normalize';
import type { Report } from './problems';
import type { Records } from './records';

export function checkArticles(records: Records, articleTexts: Map<string, string>, report: Report): void {
  for (const article of records.articles.values()) {
    const file = records.fileOf(article);
    if (!records.entities.has(article.publisher)) report(file, '$.publisher', `unknown entity "${article.publisher}"`);
    article.notes.forEach((id, i) => {
      const note = records.notes.get(id);
      if (!note) report(file, `$.notes[${i}]`, `unknown note "${id}"`);
      else if (!note.targets.some((t) => t.source === article.url)) report(file, `$.notes[${i}]`, `note "${id}" has no target in this article`);
    });
    const text = articleTexts.get(article.id);
    if (text === undefined) {
      report(file, '$.id', `no bundled page copy for article "${article.id}" (expected data/page-copies/${article.id}.html)`);
      continue;
    }
    article.fingerprints.forEach((quote, i) => {
      if (!text.includes(normalizeText(quote))) report(file, `$.fingerprints[${i}]`, `fingerprint "${quote}" does not occur in the article text`);
    });
    const entities = [...records.entities.values()];
    const found = new Set(linkMentions(text, { entities }, firstDay(article.published)).map((m) => m.entity.id));
    article.mentions.forEach((id, i) => {
      if (!records.entities.has(id)) report(file, `$.mentions[${i}]`, `unknown entity "${id}"`);
      else if (!found.has(id)) report(file, `$.mentions[${i}]`, `no surface form of "${id}" occurs in the article text (as of ${article.published})`);
    });
  }
}
