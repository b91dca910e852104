/**
 * Rule 7: notes name known entities, and each selector picks out exactly one
 * passage of its article's bundled page copy (so the extension's exact match
 * is the intended one, and fuzzy anchoring is only for pages that changed).
 */
import { matchQuote } from '../../shared/anchoring/match-quote';
import type { Note, NoteTarget } from '../../shared/annotations/types';
import { normalizeText } from '../../shared/text/normalize';
import type { Report } from './problems';
import type { Records } from './records';

function checkTarget(target: NoteTarget, text: string, articleId: string, file: string, path: string, report: Report): void {
  const quote = target.selector[0];
  if (quote.type !== 'TextQuoteSelector') {
    report(file, `${path}.selector[0]`, 'the first selector must be a TextQuoteSelector');
    return;
  }
  const exact = normalizeText(quote.exact);
  const prefix = normalizeText(quote.prefix ?? '');
  const suffix = normalizeText(quote.suffix ?? '');
  const withContext = prefix + exact + suffix;
  let count = 0;
  let at = -1;
  for (let i = text.indexOf(withContext); i !== -1; i = text.indexOf(withContext, i + 1)) {
    count++;
    at = i + prefix.length;
  }
  if (count !== 1) {
    const bare = text.split(exact).length - 1;
    const why =
      bare === 0
        ? `quote "${quote.exact}" does not occur in the text of ${articleId}`
        : count === 0
          ? `quote "${quote.exact}" occurs ${bare} time(s) in ${articleId}, but never with this prefix/suffix`
          : `quote "${quote.exact}" with its prefix/suffix occurs ${count} times in ${articleId}: lengthen the prefix or suffix`;
    const near = bare > 0 ? matchQuote(text, exact, { prefix, suffix }) : null;
    const hint = near
      ? ` (text around it: prefix "${text.slice(Math.max(0, near.start - 32), near.start)}", suffix "${text.slice(near.end, near.end + 32)}")`
      : '';
    report(file, `${path}.selector[0]`, `${why}${hint}`);
    return;
  }
  const position = target.selector[1];
  if (position?.type === 'TextPositionSelector' && (position.start !== at || position.end !== at + exact.length)) {
    report(file, `${path}.selector[1]`, `position hint ${position.start}-${position.end} does not match the quote, which is at ${at}-${at + exact.length}`);
  }
}

export function checkNotes(records: Records, articleTexts: Map<string, string>, report: Report): void {
  const articlesByUrl = new Map([...records.articles.values()].map((a) => [a.url, a]));
  for (const note of records.notes.values() as Iterable<Note>) {
    const file = records.fileOf(note);
    note.entities.forEach((id, i) => {
      if (!records.entities.has(id)) report(file, `$.entities[${i}]`, `unknown entity "${id}"`);
    });
    note.targets.forEach((target, t) => {
      const article = articlesByUrl.get(target.source);
      if (!article) {
        report(file, `$.targets[${t}].source`, `no article record has the URL ${target.source}`);
        return;
      }
      const text = articleTexts.get(article.id);
      if (text !== undefined) checkTarget(target, text, article.id, file, `$.targets[${t}]`, report); // else reported once, for the article
    });
  }
}
