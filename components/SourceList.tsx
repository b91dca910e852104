import type { Source } from '../lib/annotations/types';
import { formatDate } from '../lib/format-date';
import { t } from '../lib/i18n';
import { safeHttpsUrl } from '../lib/safe-url';

export interface SourceListProps {
  sources: readonly Source[];
  headingId: string;
}

/** Sources as links that open in a new tab and leak nothing to the target. */
export default function SourceList({ sources, headingId }: SourceListProps) {
  return (
    <section class="sources" aria-labelledby={headingId}>
      <h3 id={headingId} class="section-title">{t('cardSources')}</h3>
      <ul class="sources__list">
        {sources.map((source) => {
          const href = safeHttpsUrl(source.url);
          const label = `${source.title} (${source.publisher}${source.date ? `, ${formatDate(source.date)}` : ''})`;
          return (
            <li key={source.id}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {label}
                  <span class="visually-hidden"> {t('opensInNewTab')}</span>
                </a>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
