import { useState } from 'preact/hooks';
import { factSourcing, type SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import { t } from '../../lib/shared/i18n';
import SourceLink from './SourceLink';

export interface FactSourcingProps {
  sourceIds: readonly string[];
  sources: SourceLookup;
  /** Unique id for the disclosed list (aria-controls). */
  listId: string;
  /** What the fact is, for the list's accessible name ("Sources for the fact of 22 April 2025"). */
  label: string;
}

/**
 * How many independent accounts back a fact, quietly: "2 sources", "1 source"
 * or "Official account only", a button that shows the sources in place
 * (a disclosure, https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/).
 */
export default function FactSourcing({ sourceIds, sources, listId, label }: FactSourcingProps) {
  const [open, setOpen] = useState(false);
  const sourcing = factSourcing(sourceIds, sources);
  if (sourcing.sources.length === 0) return null;
  const count = sourcing.independent === 1 ? t('factSourceOne') : t('factSourceMany', String(sourcing.independent));
  return (
    <span class="fact__sourcing">
      <button
        type="button"
        class={`sourcing${sourcing.independent === 1 || sourcing.officialOnly ? ' sourcing--thin' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        title={sourcing.officialOnly ? t('factOfficialOnlyHint') : undefined}
        onClick={() => setOpen(!open)}
      >
        {sourcing.officialOnly ? `${t('factOfficialOnly')} · ${count}` : count}
      </button>
      <ul id={listId} class="sourcing__list" hidden={!open} aria-label={label}>
        {sourcing.sources.map((source) => (
          <li key={source.id}>
            <SourceLink source={source} />
          </li>
        ))}
      </ul>
    </span>
  );
}
