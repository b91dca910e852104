import { useMemo } from 'preact/hooks';
import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import type { PrintModel } from '../lib/extension/print/print-model';
import type { PageTimeline } from '../lib/extension/timeline/page-timeline';
import PrintArticle from './PrintArticle';
import PrintGlossary from './PrintGlossary';
import Timeline from './Timeline';

export interface PrintViewProps {
  model: PrintModel;
  /** Null until the second step: the glossary and the timeline follow the article by a frame. */
  timeline: PageTimeline | null;
}

/** The article as the reader has it, with its notes as endnotes, key points, glossary and timeline. */
export default function PrintView({ model, timeline }: PrintViewProps) {
  const article = useMemo(() => <PrintArticle model={model} />, [model]);
  return (
    <article class="print-doc" aria-labelledby="print-headline">
      {/*
        The same element while the model is the same: Preact then skips it
        when the second step re-renders this view, instead of running every
        paragraph and endnote again.
      */}
      {article}
      {timeline && model.glossary.length > 0 && (
        <section aria-labelledby="print-glossary" class="print-glossary">
          <h2 id="print-glossary">{t('printGlossary')}</h2>
          <PrintGlossary entries={model.glossary} />
        </section>
      )}
      {timeline && (
        <section aria-labelledby="print-timeline" class="print-timeline">
          <h2 id="print-timeline">{t('printTimeline')}</h2>
          <Timeline timeline={timeline} page="article" filters={false} level={3} idPrefix="print-tl" />
        </section>
      )}
      <footer class="print-footer">
        <p>{t('printGenerated', model.asOf ? formatDate(model.asOf) : '')}</p>
      </footer>
    </article>
  );
}
