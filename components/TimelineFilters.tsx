import { ENTITY_TYPES, type EntityType } from '../lib/shared/annotations/types';
import { t } from '../lib/shared/i18n';
import type { TimelineEntity } from '../lib/extension/timeline/build-timeline';
import type { TimelineFilter } from '../lib/extension/timeline/filter-timeline';

export interface TimelineFiltersProps {
  filter: TimelineFilter;
  /** Entities the reader can pick: those found on the page. */
  entities: readonly TimelineEntity[];
  types: readonly EntityType[];
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  onChange: (filter: TimelineFilter) => void;
}

/** Two real selects: one entity, one type. The default is everything found on the page. */
export default function TimelineFilters({ filter, entities, types, idPrefix, onChange }: TimelineFiltersProps) {
  return (
    <fieldset class="tl-filters">
      <legend class="visually-hidden">{t('timelineFilters')}</legend>
      <label for={`${idPrefix}-entity`}>{t('timelineFilterEntity')}</label>
      <select
        id={`${idPrefix}-entity`}
        value={filter.entity ?? ''}
        onChange={(e) => onChange({ ...filter, entity: (e.currentTarget as HTMLSelectElement).value || null })}
      >
        <option value="">{t('timelineFilterEntityAll')}</option>
        {entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-type`}>{t('timelineFilterType')}</label>
      <select
        id={`${idPrefix}-type`}
        value={filter.type ?? ''}
        onChange={(e) => onChange({ ...filter, type: ((e.currentTarget as HTMLSelectElement).value || null) as EntityType | null })}
      >
        <option value="">{t('timelineFilterTypeAll')}</option>
        {ENTITY_TYPES.filter((type) => types.includes(type)).map((type) => (
          <option key={type} value={type}>
            {t(`typePlural_${type}`)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
