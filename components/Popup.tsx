import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { RevealTarget } from '../lib/messages';
import { getTabState, revealOnPage, type TabState } from '../lib/popup/page-client';
import { loadSettings, onSettingsChanged, saveSettings, setPageHighlights, type Settings, type SettingsPatch } from '../lib/settings';
import ArticleSummary from './ArticleSummary';
import EntityList from './EntityList';
import NoteList from './NoteList';
import PopupState from './PopupState';
import PopupTimeline from './PopupTimeline';
import SettingsPanel from './SettingsPanel';
import ViewTabs from './ViewTabs';
import { openExtensionPage } from '../lib/popup/open-page';

export interface PopupProps {
  /** Delay before re-reading the page after a setting changes (the page applies it first). */
  refreshDelayMs?: number;
}

/** The toolbar popup: what this page is, what Backstory found on it, and the controls. */
export default function Popup({ refreshDelayMs = 150 }: PopupProps) {
  const [tab, setTab] = useState<TabState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [view, setView] = useState('summary');

  const refresh = useCallback(async () => {
    const [state, stored] = await Promise.all([getTabState(), loadSettings()]);
    setTab(state);
    setSettings(stored);
  }, []);

  useEffect(() => {
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onSettingsChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), refreshDelayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [refresh, refreshDelayMs]);

  if (!tab || !settings) return <PopupState message={t('popupLoading')} />;

  const change = (patch: SettingsPatch) => void saveSettings(patch).then(setSettings);
  const report = tab.kind === 'report' ? tab.report : null;
  const reveal = (target: RevealTarget) => {
    if (tab.kind === 'report') void revealOnPage(tab.tabId, target);
  };
  const pageOn = report && report.status !== 'no-article' && report.status !== 'site-off' ? report.status !== 'page-off' : null;
  const controls = (
    <SettingsPanel
      settings={settings}
      pageOn={pageOn}
      onChange={change}
      onPageToggle={(on) => report && void setPageHighlights(report.url, on)}
    />
  );

  if (tab.kind === 'unsupported') {
    return (
      <main class="popup">
        <PopupState message={t('stateUnsupported')} detail={t('stateUnsupportedDetail')} />
      </main>
    );
  }
  if (tab.kind === 'not-responding') {
    return (
      <main class="popup">
        <PopupState message={t('stateNotResponding')} detail={t('stateNotRespondingDetail')} />
      </main>
    );
  }
  const r = tab.report;
  const annotated = r.status === 'article' || r.status === 'other-article';
  const summary = () => (
    <>
      {r.article && <ArticleSummary article={r.article} />}
      {r.status === 'site-off' && <PopupState message={t('stateSiteOff')} />}
      {r.status === 'page-off' && <PopupState message={t('statePageOff')} />}
      {r.status === 'no-article' && <PopupState message={r.article ? t('stateArticlePending') : t('stateNoArticle')} />}
      {(r.status === 'article' || r.status === 'other-article') && (
        <>
          {r.status === 'other-article' && <PopupState message={t('stateOtherArticle')} />}
          <section aria-labelledby="found-title">
            <h2 id="found-title" class="section-title">
              {t('popupFound', String(r.annotationCount))}
            </h2>
            <EntityList entities={r.entities} onReveal={(id) => reveal({ kind: 'entity', id })} />
          </section>
          {r.status === 'article' && (
            <section aria-labelledby="notes-title">
              <h2 id="notes-title" class="section-title">
                {t('popupNotes')}
              </h2>
              <NoteList notes={r.notes} onReveal={(id) => reveal({ kind: 'note', id })} />
            </section>
          )}
        </>
      )}
    </>
  );
  const timeline = () => (
    <PopupTimeline
      report={r}
      onReveal={(id) => reveal({ kind: 'entity', id })}
      onOpenTab={() => void openExtensionPage('timeline', tab.tabId)}
      onPrint={() => void openExtensionPage('print', tab.tabId)}
    />
  );
  return (
    <main class="popup">
      {annotated ? (
        <ViewTabs
          label={t('viewsLabel')}
          selected={view}
          onSelect={setView}
          tabs={[
            { id: 'summary', label: t('viewSummary'), panel: summary },
            { id: 'timeline', label: t('viewTimeline'), panel: timeline },
          ]}
        />
      ) : (
        summary()
      )}
      {controls}
    </main>
  );
}
