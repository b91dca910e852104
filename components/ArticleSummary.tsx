import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import type { ArticleSummary as Summary } from '../lib/shared/messages';
import KeyPoints from './KeyPoints';

export interface ArticleSummaryProps {
  article: Summary;
}

/** Publisher, headline, date and the key points, with the single-source caveat. */
export default function ArticleSummary({ article }: ArticleSummaryProps) {
  return (
    <section class="article" aria-labelledby="popup-headline" lang={article.lang} dir={article.dir ?? 'auto'}>
      <p class="article__meta">
        {article.publisher} · <time dateTime={article.published}>{formatDate(article.published)}</time>
      </p>
      <h1 id="popup-headline" class="article__headline">
        {article.headline}
      </h1>
      <h2 class="section-title">{t('popupArticleReports', formatDate(article.published))}</h2>
      <KeyPoints points={article.summary} class="summary" />
      {article.singleSource && (
        <div class="caveat" role="note">
          <p class="caveat__label">{t('singleSourceLabel')}</p>
          <p>{article.singleSource.claim}</p>
          <p>
            <strong>{t('otherAccounts')}</strong> {article.singleSource.otherAccounts}
          </p>
        </div>
      )}
    </section>
  );
}
