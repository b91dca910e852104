import { useMemo } from 'preact/hooks';
import { t } from '../lib/shared/i18n';
import type { PageReport } from '../lib/shared/messages';
import { loadBundledSet } from '../lib/extension/load-bundled-set';
import { pageTimeline } from '../lib/extension/timeline/page-timeline';
import PopupState from './PopupState';
import Timeline from './Timeline';

export interface PopupTimelineProps {
  report: PageReport;
  onReveal: (id: string) => void;
  onOpenTab: () => void;
  onPrint: () => void;
}

/** The popup's Timeline view: the page's timeline, with the full-tab view and the print page one click away. */
export default function PopupTimeline({ report, onReveal, onOpenTab, onPrint }: PopupTimelineProps) {
  const set = useMemo(loadBundledSet, []);
  const timeline = useMemo(() => (set ? pageTimeline(set, report) : null), [set, report]);
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
      <Timeline timeline={timeline} page={report.status === 'article' ? 'article' : 'other'} onReveal={onReveal} idPrefix="ptl" />
    </div>
  );
}
