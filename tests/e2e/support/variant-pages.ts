/**
 * Pages that behave like a client-side rendered site, built from the
 * bundled article copy: the tests render, replace and remove the article
 * with page scripts, as a framework would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../../lib/node/harness/fixture-server';

export const ARTICLE_FIXTURE = join(FIXTURES_DIR, 'iranintl-202504220389.html');

/** The annotated <article> element's HTML, cut from the bundled page copy. */
export function articleElementHtml(): string {
  const html = readFileSync(ARTICLE_FIXTURE, 'utf8');
  const start = html.indexOf('<article class="article" data-article-id="202504220389">');
  const end = html.indexOf('</article>', start);
  if (start < 0 || end < 0) throw new Error('article element not found in the fixture');
  return html.slice(start, end + '</article>'.length);
}

/**
 * A section front (/en) of a single-page app: no article on load, the
 * article kept in a <template> that the test's page script renders into
 * <main id="app"> after history.pushState, like a router would.
 */
export function singlePageAppShell(): string {
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>Iran International</title>
  <link rel="stylesheet" href="/assets/site.css">
</head>
<body>
  <header class="site-header"><a class="site-header__logo" href="/en">Iran International</a></header>
  <div class="page"><main id="app" class="page__main"><p>Latest news</p></main></div>
  <template id="article-template">${articleElementHtml()}</template>
</body>
</html>`;
}

/** Another article of the site, one Backstory has no record of: what it is given to read there. */
export interface OtherArticle {
  path: string;
  headline: string;
  /** The page's own publication time (its first time[datetime]). */
  published: string;
  paragraphs: string[];
}

/** An article page of the site in the same markup as the annotated one, with its own headline, date and text. */
export function otherArticlePage({ path, headline, published, paragraphs }: OtherArticle): string {
  const id = path.split('/').pop();
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>${headline} | Iran International</title>
  <link rel="canonical" href="https://www.iranintl.com${path}">
  <link rel="stylesheet" href="/assets/site.css">
</head>
<body>
  <header class="site-header"><a class="site-header__logo" href="/en">Iran International</a></header>
  <div class="page">
    <main class="page__main">
      <article class="article" data-article-id="${id}">
        <header class="article__header">
          <h1 class="article__headline">${headline}</h1>
          <div class="article__meta"><time datetime="${published}">${published.slice(0, 10)}</time></div>
        </header>
        <main class="article__body">
          ${paragraphs.map((p) => `<p>${p}</p>`).join('\n          ')}
        </main>
      </article>
    </main>
  </div>
</body>
</html>`;
}
