import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../lib/shared/i18n';
import { isAnnotated } from '../lib/shared/page-status';
import type { PageReport } from '../lib/shared/messages';
import { revealOnPage } from '../lib/extension/popup/page-client';
import { requestReport, showTab } from '../lib/extension/popup/tab-requests';
import type { PageTimeline } from '../lib/extension/timeline/page-timeline';
import { requestTimeline } from '../lib/extension/background-client';
import PopupState from './PopupState';
import Timeline from './Timeline';

export interface TimelinePageProps {
  tabId: number | null;
  onRendered?: () => void;
}

/** The timeline at full width in its own tab, for the page in tab `tabId`. */
export default function TimelinePage({ tabId, onRendered }: TimelinePageProps) {
  const [report, setReport] = useState<PageReport | null | 'loading'>('loading');
  /** The page's timeline from the background, which holds the set; null when it could not be had. */
  const [timeline, setTimeline] = useState<PageTimeline | null>(null);
  // Asked before the loading state is painted: the round trips to the tab and the background are most of the wait.
  useLayoutEffect(() => {
    if (tabId === null) {
      setReport(null);
      return;
    }
    void requestReport(tabId).then(async (answer) => {
      const shown = answer && isAnnotated(answer.status) ? answer : null;
      setTimeline(shown && (await requestTimeline(shown)));
      setReport(answer);
    });
  }, [tabId]);
  const ready = report !== 'loading' && report && isAnnotated(report.status) ? report : null;
  const heading = ready?.article ? t('timelinePageTitle', ready.article.headline) : t('viewTimeline');
  useEffect(() => {
    if (!timeline) return;
    document.title = `${heading} · Backstory`;
    onRendered?.();
  }, [timeline, heading, onRendered]);

  if (report === 'loading' || !ready || !timeline || tabId === null) {
    const message = report === 'loading' ? t('printLoading') : ready ? t('timelineDataMissing') : t('timelineTabNoPage');
    return (
      <main class="timeline-page">
        <PopupState message={message} />
      </main>
    );
  }
  const reveal = (id: string) => {
    void showTab(tabId).then(() => revealOnPage(tabId, { kind: 'entity', id }));
  };
  return (
    <main class="timeline-page" aria-labelledby="timeline-page-title">
      <h1 id="timeline-page-title" lang={ready.article?.lang} dir={ready.article?.dir ?? 'auto'}>
        {heading}
      </h1>
      <Timeline timeline={timeline} page={ready.status === 'article' ? 'article' : 'other'} onReveal={reveal} showSources level={2} idPrefix="ftl" />
    </main>
  );
}
