import { ENTITY_TYPES } from '../lib/shared/annotations/types';
import { t } from '../lib/shared/i18n';
import type { EntityFound } from '../lib/shared/messages';

export interface EntityListProps {
  entities: readonly EntityFound[];
  onReveal: (id: string) => void;
}

/** What was found on the page, grouped by type, with mention counts. */
export default function EntityList({ entities, onReveal }: EntityListProps) {
  if (entities.length === 0) return <p class="empty">{t('popupNoEntities')}</p>;
  return (
    <div class="groups">
      {ENTITY_TYPES.map((type) => {
        const group = entities.filter((e) => e.type === type);
        if (group.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`group-${type}`} class="group">
            <h3 id={`group-${type}`} class="group__title">
              {t(`typePlural_${type}`)}
            </h3>
            <ul class="chips">
              {group.map((entity) => (
                <li key={entity.id}>
                  <button
                    type="button"
                    class="chip"
                    lang={entity.lang}
                    dir={entity.dir ?? 'auto'}
                    aria-label={t('revealEntity', [entity.name, String(entity.mentions)])}
                    onClick={() => onReveal(entity.id)}
                  >
                    {entity.name} <span class="chip__count" aria-hidden="true">{entity.mentions}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
