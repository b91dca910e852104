import type { SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import type { DatedView } from '../../lib/shared/annotations/dated-view';
import { formatDate } from '../../lib/shared/format-date';
import { t } from '../../lib/shared/i18n';
import FactList from './FactList';
import RoleLine from './RoleLine';

export interface SinceArticleProps {
  view: DatedView;
  /** The page's publication date (YYYY-MM-DD). */
  pageDate: string;
  sources: SourceLookup;
  headingId: string;
}

/** What came after the page was published, set apart under its own dated heading. */
export default function SinceArticle({ view, pageDate, sources, headingId }: SinceArticleProps) {
  if (view.changesSince.length === 0 && view.factsSince.length === 0) return null;
  return (
    <section class="since" aria-labelledby={headingId}>
      <h3 id={headingId} class="section-title section-title--since">
        {t('sinceArticle', formatDate(pageDate))}
      </h3>
      {view.changesSince.length > 0 && (
        <ul class="roles roles--since">
          {view.changesSince.map((change, i) => (
            <RoleLine key={i} role={change.role} change={change} />
          ))}
        </ul>
      )}
      <FactList facts={view.factsSince} sources={sources} headingId={`${headingId}-facts`} heading={null} />
    </section>
  );
}
