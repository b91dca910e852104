import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { AnnotationSet } from '../lib/shared/annotations/types';
import { t } from '../lib/shared/i18n';
import type { PageReport } from '../lib/shared/messages';
import { revealOnPage } from '../lib/extension/popup/page-client';
import { requestReport, showTab } from '../lib/extension/popup/tab-requests';
import { pageTimeline } from '../lib/extension/timeline/page-timeline';
import PopupState from './PopupState';
import Timeline from './Timeline';

export interface TimelinePageProps {
  tabId: number | null;
  set: AnnotationSet | null;
  onRendered?: () => void;
}

/** The timeline at full width in its own tab, for the page in tab `tabId`. */
export default function TimelinePage({ tabId, set, onRendered }: TimelinePageProps) {
  const [report, setReport] = useState<PageReport | null | 'loading'>('loading');
  // Asked before the loading state is painted: the round trip to the tab is most of the wait.
  useLayoutEffect(() => {
    if (tabId === null || !set) setReport(null);
    else void requestReport(tabId).then(setReport);
  }, [tabId, set]);
  const ready = report !== 'loading' && report && (report.status === 'article' || report.status === 'other-article') ? report : null;
  const timeline = useMemo(() => (ready && set ? pageTimeline(set, ready) : null), [ready, set]);
  const heading = ready?.article ? t('timelinePageTitle', ready.article.headline) : t('viewTimeline');
  useEffect(() => {
    if (!timeline) return;
    document.title = `${heading} · Backstory`;
    onRendered?.();
  }, [timeline, heading, onRendered]);

  if (report === 'loading' || !ready || !timeline || tabId === null) {
    const message = report === 'loading' ? t('printLoading') : set ? t('timelineTabNoPage') : t('timelineDataMissing');
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
