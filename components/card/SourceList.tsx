import type { SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import type { Source } from '../../lib/shared/annotations/types';
import { t } from '../../lib/shared/i18n';
import SourceLink from './SourceLink';

export interface SourceListProps {
  /** Register ids, in the order the entry lists them. */
  sourceIds: readonly string[];
  sources: SourceLookup;
  headingId: string;
}

/** Every source an entry cites. */
export default function SourceList({ sourceIds, sources, headingId }: SourceListProps) {
  const list = sourceIds.map(sources).filter((source): source is Source => source !== undefined);
  if (list.length === 0) return null;
  return (
    <section class="sources" aria-labelledby={headingId}>
      <h3 id={headingId} class="section-title">{t('cardSources')}</h3>
      <ul class="sources__list">
        {list.map((source) => (
          <li key={source.id}>
            <SourceLink source={source} />
          </li>
        ))}
      </ul>
    </section>
  );
}
