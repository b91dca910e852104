import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnnotationSet } from '../lib/shared/annotations/types';
import { t } from '../lib/shared/i18n';
import type { PageReport } from '../lib/shared/messages';
import { requestArticleText, requestReport } from '../lib/extension/popup/tab-requests';
import type { ArticleText } from '../lib/shared/article-text';
import { downloadFile, exportHtml, fileNameFor } from '../lib/extension/print/html-export';
import { printMarkdown } from '../lib/extension/print/markdown';
import { buildPrintModel } from '../lib/extension/print/print-model';
import { pageTimeline } from '../lib/extension/timeline/page-timeline';
import PopupState from './PopupState';
import PrintToolbar from './PrintToolbar';
import PrintView from './PrintView';

export interface PrintPageProps {
  tabId: number | null;
  set: AnnotationSet | null;
  /** The print stylesheet's text, inlined into a saved HTML file. */
  css: string;
  /** Called once the article and its notes are on screen (the benchmark reads it). */
  onRendered?: () => void;
  /** Called once the glossary and the timeline are there too. */
  onComplete?: () => void;
}

type Loaded = { report: PageReport; text: ArticleText } | 'loading' | 'unavailable';

/**
 * The print page: asks the article's tab for its text and report, then
 * shows PrintView with its toolbar in two steps: the article with its key
 * points and endnotes first, the glossary and the timeline (most of the
 * page's nodes, below the fold) in the frame after. Print and save wait
 * for the second step, so they always have the whole page.
 */
export default function PrintPage({ tabId, set, css, onRendered, onComplete }: PrintPageProps) {
  const [loaded, setLoaded] = useState<Loaded>('loading');
  const [complete, setComplete] = useState(false);
  const [status, setStatus] = useState('');
  const doc = useRef<HTMLElement>(null);
  const waiting = useRef<(() => void)[]>([]);

  // A layout effect sends the requests before the loading state is painted: their round trip to the tab is most of the wait.
  useLayoutEffect(() => {
    if (tabId === null || !set) {
      setLoaded('unavailable');
      return;
    }
    void Promise.all([requestReport(tabId), requestArticleText(tabId)]).then(([report, text]) =>
      setLoaded(report?.status === 'article' && text ? { report, text } : 'unavailable'),
    );
  }, [tabId, set]);

  const ready = typeof loaded === 'object' && set ? loaded : null;
  const model = useMemo(() => (ready && set ? buildPrintModel(ready.text, ready.report, set) : null), [ready, set]);
  const timeline = useMemo(() => (complete && ready && set ? pageTimeline(set, ready.report) : null), [complete, ready, set]);

  useEffect(() => {
    if (!model) return;
    document.title = `${model.headline} · Backstory`;
    onRendered?.();
    // Effects run after the frame is painted: the second step starts once the article is on screen.
    setComplete(true);
  }, [model, onRendered]);

  useEffect(() => {
    if (!timeline) return;
    onComplete?.();
    for (const action of waiting.current.splice(0)) action();
  }, [timeline, onComplete]);

  if (loaded === 'loading' || !model || !ready || !set) {
    return (
      <main class="print-page">
        <PopupState message={loaded === 'loading' ? t('printLoading') : t('timelineTabNoPage')} />
      </main>
    );
  }

  const whenComplete = (action: () => void) => (timeline ? action() : waiting.current.push(action));
  // The Markdown is built from the model, not the page: it needs no second step.
  const copyMarkdown = () => {
    const { items, markDay } = timeline ?? pageTimeline(set, ready.report);
    navigator.clipboard
      .writeText(printMarkdown(model, items, markDay))
      .then(() => setStatus(t('printCopied')))
      .catch(() => setStatus(t('printCopyFailed')));
  };
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
