import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import type { PrintModel } from '../lib/extension/print/print-model';
import { safeHttpsUrl } from '../lib/shared/safe-url';
import KeyPoints from './KeyPoints';
import PrintNote from './PrintNote';
import PrintParagraphs from './PrintParagraphs';

export interface PrintArticleProps {
  model: PrintModel;
}

/** The article as the reader has it: headline, byline and address, key points, its text with note numbers, and the endnotes. */
export default function PrintArticle({ model }: PrintArticleProps) {
  const href = safeHttpsUrl(model.url);
  return (
    <>
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
    </>
  );
}
