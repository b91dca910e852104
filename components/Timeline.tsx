import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import { filterTimeline, NO_FILTER, typesIn, type TimelineFilter } from '../lib/extension/timeline/filter-timeline';
import { groupTimeline } from '../lib/extension/timeline/group-timeline';
import type { PageTimeline } from '../lib/extension/timeline/page-timeline';
import TimelineFilters from './TimelineFilters';
import TimelineYears from './TimelineYears';

export interface TimelineProps {
  timeline: PageTimeline;
  /** The annotated article ("This article, …") or another page of the site ("This page, …"). */
  page: 'article' | 'other';
  onReveal?: (id: string) => void;
  /** Filters as controls (false for print, which shows everything). */
  filters?: boolean;
  showSources?: boolean;
  /** Heading level of the years before the page's date; "Since …" takes it, its years the next. */
  level?: 2 | 3;
  idPrefix?: string;
  /**
   * Render this many items first and the rest the frame after (the popup:
   * about a screenful). The whole article's timeline took 60-120 ms to
   * render and lay out in the popup, most of the popup's 100 ms (#17); its
   * first screen takes a tenth of that. Unset: everything at once.
   */
  firstItems?: number;
}

/** The page's background in date order, the page's own date marked, what came after set apart. */
export default function Timeline({ timeline, page, onReveal, filters = true, showSources = false, level = 3, idPrefix = 'tl', firstItems }: TimelineProps) {
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const [complete, setComplete] = useState(firstItems === undefined);
  useEffect(() => {
    // Plain effects run after the first part is painted.
    if (!complete) setComplete(true);
  }, [complete]);
  const { items, entities, found, markDay } = timeline;
  const shown = useMemo(() => filterTimeline(items, filter, entities), [items, filter, entities]);
  const rendered = useMemo(() => (complete || firstItems === undefined ? shown : shown.slice(0, firstItems)), [complete, firstItems, shown]);
  const partial = rendered.length < shown.length;
  const grouped = useMemo(() => groupTimeline(rendered, markDay), [rendered, markDay]);
  const types = useMemo(() => typesIn(items, entities), [items, entities]);
  const revealable = useMemo(() => new Set(found.map((e) => e.id)), [found]);

  if (items.length === 0) return <p class="empty" data-testid="timeline-empty">{t('timelineEmpty')}</p>;

  const SinceHeading = level === 2 ? 'h2' : 'h3';
  const entry = { entities, revealable, onReveal, showSources };
  const sinceId = `${idPrefix}-since`;
  return (
    <div class="timeline" data-testid="timeline">
      {filters && (
        <>
          <TimelineFilters filter={filter} entities={found} types={types} idPrefix={idPrefix} onChange={setFilter} />
          <p class="tl-count" role="status">
            {t('timelineCount', [String(shown.length), String(items.length)])}
          </p>
        </>
      )}
      {shown.length === 0 && <p class="empty">{t('timelineNoMatch')}</p>}
      <TimelineYears groups={grouped.before} level={level} idPrefix={`${idPrefix}-y`} {...entry} />
      {/* Not marked while only the first part is there: the mark would sit after items that are not all before it. */}
      {markDay && !partial && (
        <p class="tl-mark" data-testid="timeline-mark">
          <time dateTime={markDay}>{t(page === 'article' ? 'timelineMarkArticle' : 'timelineMarkPage', formatDate(markDay))}</time>
        </p>
      )}
      {grouped.after.length > 0 && (
        <section class="tl-since" aria-labelledby={sinceId}>
          <SinceHeading id={sinceId} class="tl-since__title">
            {t(page === 'article' ? 'timelineSinceArticle' : 'timelineSincePage')}
          </SinceHeading>
          <TimelineYears groups={grouped.after} level={(level + 1) as 3 | 4} idPrefix={`${idPrefix}-a`} {...entry} />
        </section>
      )}
    </div>
  );
}
