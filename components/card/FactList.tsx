import type { SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import type { Fact } from '../../lib/shared/annotations/types';
import { formatDateSpan } from '../../lib/shared/format-date';
import { t } from '../../lib/shared/i18n';
import { firstDay } from '../../lib/shared/mentions/active-forms';
import FactSourcing from './FactSourcing';
import SingleSourceNotice from './SingleSourceNotice';

export interface FactListProps {
  facts: readonly Fact[];
  sources: SourceLookup;
  headingId: string;
  /** Section heading; "Key facts" by default; null inside a section that has its own. */
  heading?: string | null;
  /** Publication date of the page being read: later facts are labelled as such (notes mix both). */
  articleDate?: string;
}

export default function FactList({ facts, sources, headingId, heading, articleDate }: FactListProps) {
  if (facts.length === 0) return null;
  const list = (
      <ul class="facts">
        {facts.map((fact, i) => {
          const after = articleDate !== undefined && firstDay(fact.date) > articleDate;
          const when = formatDateSpan(fact.date, fact.endDate);
          return (
            <li key={i} class="fact">
              <span class="fact__date">{when}</span>
              {after && <span class="badge badge--after">{t('afterArticle')}</span>}
              <span class="fact__text">{fact.text}</span>
              <FactSourcing sourceIds={fact.sources} sources={sources} listId={`${headingId}-${i}-sources`} label={t('factSourcesFor', when)} />
              {fact.singleSource && <SingleSourceNotice caveat={fact.singleSource} />}
            </li>
          );
        })}
      </ul>
  );
  if (heading === null) return list;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} class="section-title">{heading ?? t('cardKeyFacts')}</h3>
      {list}
    </section>
  );
}
