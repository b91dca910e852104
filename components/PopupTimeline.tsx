import { t } from '../lib/shared/i18n';
import type { PageReport } from '../lib/shared/messages';
import type { PageTimeline } from '../lib/extension/timeline/page-timeline';
import PopupState from './PopupState';
import Timeline from './Timeline';

/** About the popup's first screen of items (600 px high at most, in Chrome and Firefox). */
const POPUP_FIRST_ITEMS = 12;

export interface PopupTimelineProps {
  report: PageReport;
  /** The page's timeline as the background answered; null when it could not be had. */
  timeline: PageTimeline | null | 'loading';
  onReveal: (id: string) => void;
  onOpenTab: () => void;
  onPrint: () => void;
}

/** The popup's Timeline view: the page's timeline, with the full-tab view and the print page one click away. */
export default function PopupTimeline({ report, timeline, onReveal, onOpenTab, onPrint }: PopupTimelineProps) {
  if (timeline === 'loading') return <PopupState message={t('timelineLoading')} />;
  if (!timeline) return <PopupState message={t('timelineDataMissing')} />;
  return (
    <div class="popup-timeline">
      <p class="actions">
        <button type="button" class="action" onClick={onOpenTab}>
          {t('timelineOpenTab')}
        </button>
        {report.status === 'article' && (
          <button type="button" class="action" onClick={onPrint}>
            {t('printWithBackground')}
          </button>
        )}
      </p>
      <Timeline
        timeline={timeline}
        page={report.status === 'article' ? 'article' : 'other'}
        onReveal={onReveal}
        idPrefix="ptl"
        firstItems={POPUP_FIRST_ITEMS}
      />
    </div>
  );
}
