import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../lib/shared/i18n';
import type { PageReport } from '../lib/shared/messages';
import { requestArticleText, requestReport } from '../lib/extension/popup/tab-requests';
import type { ArticleText } from '../lib/shared/article-text';
import { downloadFile, exportHtml, fileNameFor } from '../lib/extension/print/html-export';
import { printMarkdown } from '../lib/extension/print/markdown';
import { buildPrintModel } from '../lib/extension/print/print-model';
import { printRecordsForReport, requestTabPrintRecords, requestTabTimeline, timelineForReport } from '../lib/extension/background-client';
import type { PrintRecords } from '../lib/extension/print/print-records';
import type { PageTimeline } from '../lib/extension/timeline/page-timeline';
import PopupState from './PopupState';
import PrintToolbar from './PrintToolbar';
import PrintView from './PrintView';

export interface PrintPageProps {
  tabId: number | null;
  /** The print stylesheet's text, inlined into a saved HTML file. */
  css: string;
  /** Called once the article and its notes are on screen (the benchmark reads it). */
  onRendered?: () => void;
  /** Called once the glossary and the timeline are there too. */
  onComplete?: () => void;
}

type Loaded = { report: PageReport; text: ArticleText; records: PrintRecords; timeline: Promise<PageTimeline | null> } | 'loading' | 'unavailable';

/**
 * The print page: asks the article's tab for its text and report, and the
 * background for the records and timeline of what it reported, then shows
 * PrintView with its toolbar in two steps: the article with its key points
 * and endnotes first, the glossary and the timeline (most of the page's
 * nodes, below the fold) in the frame after. Print and save wait for the
 * second step, so they always have the whole page.
 */
export default function PrintPage({ tabId, css, onRendered, onComplete }: PrintPageProps) {
  const [loaded, setLoaded] = useState<Loaded>('loading');
  const [status, setStatus] = useState('');
  const doc = useRef<HTMLElement>(null);
  const waiting = useRef<(() => void)[]>([]);

  // A layout effect sends the requests before the loading state is painted: their round trip to the tab is most of the wait.
  useLayoutEffect(() => {
    if (tabId === null) {
      setLoaded('unavailable');
      return;
    }
    // The background is asked for the records and the timeline of what the
    // tab last said it found at the same moment as the tab for its report
    // and text; each is used if it was made for the report's ids, asked again
    // with them if not. The records go first: the background answers in
    // turn, and the article needs only them (the timeline is for the second
    // step).
    const earlyRecords = requestTabPrintRecords(tabId);
    const earlyTimeline = requestTabTimeline(tabId);
    void Promise.all([requestReport(tabId), requestArticleText(tabId)]).then(async ([report, text]) => {
      if (report?.status !== 'article' || !text) return setLoaded('unavailable');
      const records = printRecordsForReport(earlyRecords, report);
      const timeline = timelineForReport(earlyTimeline, report);
      const answer = await records;
      setLoaded(answer ? { report, text, records: answer, timeline } : 'unavailable');
    });
  }, [tabId]);

  const ready = typeof loaded === 'object' ? loaded : null;
  const model = useMemo(() => (ready ? buildPrintModel(ready.text, ready.report, ready.records) : null), [ready]);
  const [timeline, setTimeline] = useState<PageTimeline | null>(null);

  useEffect(() => {
    if (!model || !ready) return;
    document.title = `${model.headline} · Backstory`;
    onRendered?.();
    // Effects run after the frame is painted: the second step starts once the article is on screen.
    void ready.timeline.then(setTimeline);
  }, [model, ready, onRendered]);

  useEffect(() => {
    if (!timeline) return;
    onComplete?.();
    for (const action of waiting.current.splice(0)) action();
  }, [timeline, onComplete]);

  if (loaded === 'loading' || !model || !ready) {
    return (
      <main class="print-page">
        <PopupState message={loaded === 'loading' ? t('printLoading') : t('timelineTabNoPage')} />
      </main>
    );
  }

  const whenComplete = (action: () => void) => (timeline ? action() : waiting.current.push(action));
  // The Markdown is built from the model and the timeline's data, not the page: it needs no second step.
  const copyMarkdown = () =>
    void ready.timeline
      .then((data) => {
        if (!data) throw new Error('no timeline');
        return navigator.clipboard.writeText(printMarkdown(model, data.items, data.markDay));
      })
      .then(() => setStatus(t('printCopied')))
      .catch(() => setStatus(t('printCopyFailed')));
  const saveHtml = () =>
    whenComplete(() => {
      const root = doc.current?.querySelector('.print-doc');
      if (!root) return;
      const name = fileNameFor(model.headline, 'html');
      downloadFile(exportHtml(root, css, model.headline, model.lang, model.dir), name, 'text/html');
      setStatus(t('printSaved', name));
    });
  return (
    <main class="print-page" ref={doc}>
      <PrintToolbar onPrint={() => whenComplete(() => window.print())} onCopyMarkdown={copyMarkdown} onSaveHtml={saveHtml} status={status} />
      <PrintView model={model} timeline={timeline} />
    </main>
  );
}
