import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
  /** Called once the article is on screen (the benchmark reads it). */
  onRendered?: () => void;
}

type Loaded = { report: PageReport; text: ArticleText } | 'loading' | 'unavailable';

/** The print page: asks the article's tab for its text and report, then shows PrintView with its toolbar. */
export default function PrintPage({ tabId, set, css, onRendered }: PrintPageProps) {
  const [loaded, setLoaded] = useState<Loaded>('loading');
  const [status, setStatus] = useState('');
  const doc = useRef<HTMLElement>(null);

  useEffect(() => {
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
  const timeline = useMemo(() => (ready && set ? pageTimeline(set, ready.report) : null), [ready, set]);

  useEffect(() => {
    if (model) {
      document.title = `${model.headline} · Backstory`;
      onRendered?.();
    }
  }, [model, onRendered]);

  if (loaded === 'loading' || !model || !timeline) {
    return (
      <main class="print-page">
        <PopupState message={loaded === 'loading' ? t('printLoading') : t('timelineTabNoPage')} />
      </main>
    );
  }

  const copyMarkdown = () => {
    navigator.clipboard
      .writeText(printMarkdown(model, timeline.items, timeline.markDay))
      .then(() => setStatus(t('printCopied')))
      .catch(() => setStatus(t('printCopyFailed')));
  };
  const saveHtml = () => {
    const root = doc.current?.querySelector('.print-doc');
    if (!root) return;
    const name = fileNameFor(model.headline, 'html');
    downloadFile(exportHtml(root, css, model.headline, model.lang, model.dir), name, 'text/html');
    setStatus(t('printSaved', name));
  };
  return (
    <main class="print-page" ref={doc}>
      <PrintToolbar onPrint={() => window.print()} onCopyMarkdown={copyMarkdown} onSaveHtml={saveHtml} status={status} />
      <PrintView model={model} timeline={timeline} />
    </main>
  );
}
