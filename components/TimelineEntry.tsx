import type { TimelineEntity, TimelineItem } from '../lib/extension/timeline/build-timeline';
import { formatDateSpan } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import { safeHttpsUrl } from '../lib/shared/safe-url';
import SourcingLabel from './SourcingLabel';

export interface TimelineEntryProps {
  item: TimelineItem;
  entities: ReadonlyMap<string, TimelineEntity>;
  /** Entities that can be shown on the page; others are named as text. */
  revealable: ReadonlySet<string>;
  onReveal?: (id: string) => void;
  /** List the sources as links (the full-tab view and print have room for them). */
  showSources?: boolean;
}

/** One dated item: when (at its real precision), what, whom it concerns, and how well sourced. */
export default function TimelineEntry({ item, entities, revealable, onReveal, showSources = false }: TimelineEntryProps) {
  const concerned = item.entities.map((id) => entities.get(id)).filter((e): e is TimelineEntity => e !== undefined);
  return (
    <li class={item.eventId ? 'tl-item tl-item--event' : 'tl-item'} data-key={item.key}>
      <time class="tl-item__date" dateTime={item.endDate ? `${item.date}/${item.endDate}` : item.date}>
        {formatDateSpan(item.date, item.endDate)}
      </time>
      <p class="tl-item__text" lang={item.lang} dir={item.dir ?? 'auto'}>
        {item.text}
        {item.singleSource && <span class="tag tag--caveat">{` ${t('singleSourceTag')}`}</span>}
      </p>
      <p class="tl-item__meta sourcing">
        <SourcingLabel sourcing={item.sourcing} />
      </p>
      {concerned.length > 0 && (
        <p class="tl-item__entities">
          <span class="visually-hidden">{`${t('timelineConcerns')} `}</span>
          {concerned.map((entity) =>
            onReveal && revealable.has(entity.id) ? (
              <button
                key={entity.id}
                type="button"
                class="chip chip--small"
                lang={entity.lang}
                dir={entity.dir ?? 'auto'}
                aria-label={t('timelineRevealEntity', entity.name)}
                onClick={() => onReveal(entity.id)}
              >
                {entity.name}
              </button>
            ) : (
              <span key={entity.id} class="tl-item__entity" lang={entity.lang} dir={entity.dir ?? 'auto'}>
                {entity.name}
              </span>
            ),
          )}
        </p>
      )}
      {showSources && item.sources.length > 0 && (
        <ul class="tl-item__sources">
          {item.sources.map((source) => {
            const href = safeHttpsUrl(source.url);
            const label = `${source.title} (${source.publisher})`;
            return (
              <li key={source.url}>
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
      )}
    </li>
  );
}
