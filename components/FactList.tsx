import type { Fact } from '../lib/annotations/types';
import { formatDateSpan } from '../lib/format-date';
import { t } from '../lib/i18n';
import { firstDay } from '../lib/mentions/active-forms';
import SingleSourceNotice from './SingleSourceNotice';

export interface FactListProps {
  facts: readonly Fact[];
  headingId: string;
  /** Publication date of the article being read: later facts are labelled as such. */
  articleDate?: string;
}

export default function FactList({ facts, headingId, articleDate }: FactListProps) {
  if (facts.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} class="section-title">{t('cardKeyFacts')}</h3>
      <ul class="facts">
        {facts.map((fact, i) => {
          const after = articleDate !== undefined && firstDay(fact.date) > articleDate;
          return (
            <li key={i} class="fact">
              <span class="fact__date">{formatDateSpan(fact.date, fact.endDate)}</span>
              {after && <span class="badge badge--after">{t('afterArticle')}</span>}
              <span class="fact__text">{fact.text}</span>
              {fact.singleSource && <SingleSourceNotice caveat={fact.singleSource} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
