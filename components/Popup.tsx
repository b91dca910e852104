import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Correction, correctionsForPage, correctionsReport, loadCorrections, removeCorrection } from '../lib/shared/corrections';
import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import type { RevealTarget, TooLong } from '../lib/shared/messages';
import { activeTab, getTabState, REPORT_TIMEOUT_MS, revealOnPage, type TabState } from '../lib/extension/popup/page-client';
import { loadSettings, onSettingsChanged, saveSettings, setPageHighlights, type Settings, type SettingsPatch } from '../lib/shared/settings';
import ArticleSummary from './ArticleSummary';
import CorrectionList from './CorrectionList';
import EntityList from './EntityList';
import NoteList from './NoteList';
import PopupState from './PopupState';
import PopupTimeline from './PopupTimeline';
import SettingsPanel from './SettingsPanel';
import ViewTabs from './ViewTabs';
import { useOnce } from './use-once';
import { openExtensionPage } from '../lib/extension/popup/open-page';
import { loadPopupView, type PopupView, savePopupView } from '../lib/extension/popup/popup-view';
import type { PageTimeline } from '../lib/extension/timeline/page-timeline';
import { requestTabTimeline, timelineForReport } from '../lib/extension/background-client';
import { isAnnotated, pageSwitch } from '../lib/shared/page-status';

export interface PopupProps {
  /** Delay before re-reading the page after a setting changes (the page applies it first). */
  refreshDelayMs?: number;
  /** Delay between asks while the page is still loading its settings. */
  loadingPollMs?: number;
  /** Called once, when what Backstory found on the page is first on screen (the benchmark reads it). */
  onReady?: () => void;
  /** Called once, when the timeline is first on screen (the benchmark reads it). */
  onTimelineShown?: () => void;
}

/** The toolbar popup: what this page is, what Backstory found on it, and the controls. */
export default function Popup({ refreshDelayMs = 150, loadingPollMs = 100, onReady, onTimelineShown }: PopupProps) {
  const [tab, setTab] = useState<TabState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [corrections, setCorrections] = useState<Correction[]>([]);
  /** A change the browser refused to save (storage full): said until the next change succeeds. */
  const [saveFailed, setSaveFailed] = useState(false);
  /** The view the reader last chose (null until read: the popup opens on it, not on the summary first). */
  const [view, setView] = useState<PopupView | null>(null);
  /** Views rendered ahead once the summary is on screen (ViewTabs' `warm`). */
  const [warm, setWarm] = useState<string[]>([]);
  /** The page's timeline, from the background (which holds the set); null when it could not be had. */
  const [timeline, setTimeline] = useState<PageTimeline | null | 'loading'>('loading');
  const timelineAsks = useRef(0);

  const refresh = useCallback(async () => {
    const tab = activeTab();
    const asked = getTabState(REPORT_TIMEOUT_MS, tab);
    // The timeline of what the tab last told the background it found is asked
    // for at the same moment as the page's report, and used if it is of the
    // report's ids (asked again with them if not): the round trips overlap.
    const early = tab.then((t) => (t?.id === undefined ? null : requestTabTimeline(t.id))).catch(() => null);
    const ask = ++timelineAsks.current;
    void asked.then(async (state) => {
      if (state.kind !== 'report' || !isAnnotated(state.report.status)) return;
      const answer = await timelineForReport(early, state.report);
      // A later refresh (a setting changed) has asked again: its answer is the current one.
      if (ask === timelineAsks.current) setTimeline(answer);
    });
    const [state, stored, corrected] = await Promise.all([asked, loadSettings(), loadCorrections()]);
    setTab(state);
    setSettings(stored);
    setCorrections(corrected);
  }, []);

  useLayoutEffect(() => {
    void loadPopupView().then(setView);
  }, []);
  const selectView = (id: string) => {
    const chosen = id === 'timeline' ? 'timeline' : 'summary';
    setView(chosen);
    void savePopupView(chosen);
  };

  // A layout effect: the questions go out before the loading state is
  // painted, not a frame after it (Preact runs plain effects after paint).
  useLayoutEffect(() => {
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

  const loading = tab?.kind === 'report' && tab.report.status === 'loading';
  useEffect(() => {
    if (!loading) return;
    // The page is still reading the reader's settings: ask again rather than guess.
    const timer = setTimeout(() => void refresh(), loadingPollMs);
    return () => clearTimeout(timer);
  }, [tab, loading, refresh, loadingPollMs]);

  const shown = !!tab && !!settings && !!view && !loading;
  useOnce(shown, onReady);

  // The timeline is rendered ahead, hidden, after the summary has been painted
  // (two frames later), so the reader's first click on it only shows it.
  const annotatedReport = tab?.kind === 'report' && isAnnotated(tab.report.status);
  useEffect(() => {
    if (!shown || !annotatedReport || view !== 'summary' || warm.length > 0) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setWarm(['timeline']));
    });
    return () => cancelAnimationFrame(frame);
  }, [shown, annotatedReport, view, warm]);

  const timelineShown = shown && annotatedReport && view === 'timeline' && timeline !== 'loading' && timeline !== null;
  useOnce(timelineShown, onTimelineShown);

  if (!tab || !settings || !view || loading) return <PopupState message={t('popupLoading')} />;

  // What is shown is what was saved: on a refused save the controls return to
  // the stored state (a fresh object, so they re-render) and the popup says why.
  const saved = <T,>(save: Promise<T>, after: (value: T) => void) =>
    void save.then(
      (value) => {
        setSaveFailed(false);
        after(value);
      },
      async () => {
        setSaveFailed(true);
        setSettings(await loadSettings());
        await refresh();
      },
    );
  const change = (patch: SettingsPatch) => saved(saveSettings(patch), setSettings);
  const report = tab.kind === 'report' ? tab.report : null;
  const reveal = (target: RevealTarget) => {
    if (tab.kind === 'report') void revealOnPage(tab.tabId, target);
  };
  const pageOn = report ? pageSwitch(report.status) : null;
  const controls = (
    <SettingsPanel
      settings={settings}
      pageOn={pageOn}
      onChange={change}
      onPageToggle={(on) => report && saved(setPageHighlights(report.url, on), () => {})}
    />
  );
  const failure = saveFailed && (
    <p class="save-error" role="alert">
      {t('saveFailed')}
    </p>
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
  const annotated = isAnnotated(r.status);
  const summary = () => (
    <>
      {r.article && <ArticleSummary article={r.article} />}
      {r.status === 'site-off' && <PopupState message={t('stateSiteOff')} />}
      {r.status === 'page-off' && <PopupState message={t('statePageOff')} />}
      {r.status === 'no-article' && <PopupState message={r.article ? t('stateArticlePending') : t('stateNoArticle')} />}
      {r.tooLong && (
        <div data-testid="popup-too-long">
          <PopupState message={tooLongMessage(r.tooLong)} />
        </div>
      )}
      {(r.status === 'article' || r.status === 'other-article') && !r.tooLong && (
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
              <NoteList notes={r.notes} published={r.article?.published ?? ''} onReveal={(id) => reveal({ kind: 'note', id })} />
            </section>
          )}
        </>
      )}
    </>
  );
  const timelinePanel = () => (
    <PopupTimeline
      report={r}
      timeline={timeline}
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
          onSelect={selectView}
          warm={warm}
          tabs={[
            { id: 'summary', label: t('viewSummary'), panel: summary },
            { id: 'timeline', label: t('viewTimeline'), panel: timelinePanel },
          ]}
        />
      ) : (
        summary()
      )}
      <CorrectionList
        corrections={correctionsForPage(corrections, r.url)}
        total={corrections.length}
        onUndo={(id) => void removeCorrection(id)}
        onCopy={() => copyText(correctionsReport(corrections, r.checkedTo, browser.runtime.getManifest().version))}
      />
      {failure}
      {controls}
      {r.checkedTo && <p class="checked-to">{t('backgroundCheckedTo', formatDate(r.checkedTo.slice(0, 7)))}</p>}
    </main>
  );
}

/** Why the page was not annotated, with its sizes. */
function tooLongMessage({ textChars, maxTextChars, nodeChars, maxNodeChars }: TooLong): string {
  return nodeChars !== undefined && maxNodeChars !== undefined
    ? t('stateNodeTooLong', [count(nodeChars), count(maxNodeChars)])
    : t('stateTooLong', [count(textChars), count(maxTextChars)]);
}

/** A count written as the popup's English text writes numbers (3,000,000), like its dates (lib/format-date.ts). */
function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** Copies text for the reader; false when the browser refused (no focus, no permission). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
