import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import type { PrintModel } from '../lib/extension/print/print-model';
import { safeHttpsUrl } from '../lib/shared/safe-url';
import type { PageTimeline } from '../lib/extension/timeline/page-timeline';
import KeyPoints from './KeyPoints';
import PrintGlossary from './PrintGlossary';
import PrintNote from './PrintNote';
import PrintParagraphs from './PrintParagraphs';
import Timeline from './Timeline';

export interface PrintViewProps {
  model: PrintModel;
  /** Null until the second step: the glossary and the timeline follow the article by a frame. */
  timeline: PageTimeline | null;
}

/** The article as the reader has it, with its notes as endnotes, key points, glossary and timeline. */
export default function PrintView({ model, timeline }: PrintViewProps) {
  const href = safeHttpsUrl(model.url);
  return (
    <article class="print-doc" aria-labelledby="print-headline">
      <header class="print-header" lang={model.lang} dir={model.dir ?? 'auto'}>
        <h1 id="print-headline">{model.headline}</h1>
        <p class="print-byline">
          {model.publisher}
          {model.published && (
            <>
              {', '}
              <time dateTime={model.published}>{formatDate(model.published)}</time>
            </>
          )}
        </p>
        <p class="print-address">
          {t('printAddress')} {href ? <a href={href}>{href}</a> : model.url}
        </p>
      </header>
      {model.keyPoints.length > 0 && (
        <section aria-labelledby="print-points" class="print-points">
          <h2 id="print-points">{t('printKeyPoints')}</h2>
          <KeyPoints points={model.keyPoints} />
        </section>
      )}
      <section class="print-body" lang={model.lang} dir={model.dir ?? 'auto'} aria-label={model.headline}>
        <PrintParagraphs paragraphs={model.paragraphs} />
      </section>
      {model.endnotes.length > 0 && (
        <section aria-labelledby="print-notes" class="print-notes">
          <h2 id="print-notes">{t('printNotes')}</h2>
          <ol class="endnotes" data-testid="endnotes">
            {model.endnotes.map(({ n, note, firstRef }) => (
              <PrintNote key={note.id} note={note} n={n} firstRef={firstRef} />
            ))}
          </ol>
        </section>
      )}
      {model.unplaced.length > 0 && (
        <section aria-labelledby="print-unplaced" class="print-unplaced" data-testid="unplaced">
          <h2 id="print-unplaced">{t('printOrphans')}</h2>
          <p>{t('printOrphansDetail')}</p>
          <ul class="endnotes endnotes--unplaced">
            {model.unplaced.map((note) => (
              <PrintNote key={note.id} note={note} />
            ))}
          </ul>
        </section>
      )}
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
