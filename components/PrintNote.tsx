import type { PrintNote as PrintedNote } from '../lib/extension/print/print-model';
import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import { safeHttpsUrl } from '../lib/shared/safe-url';
import SingleSourceNotice from './card/SingleSourceNotice';

export interface PrintNoteProps {
  note: PrintedNote;
  /** Endnote number and the id of its first reference in the text; absent for a note that could not be placed. */
  n?: number;
  firstRef?: string;
}

/** One note as an endnote: title, text, caveat, and its sources with their addresses. */
export default function PrintNote({ note, n, firstRef }: PrintNoteProps) {
  return (
    <li class="endnote" id={n === undefined ? `unplaced-${note.id}` : `note-${n}`} lang={note.lang} dir={note.dir ?? 'auto'}>
      <p class="endnote__title">
        {n !== undefined && firstRef && (
          <a class="endnote__back" href={`#${firstRef}`} aria-label={t('printBackToText', String(n))}>
            ↑
          </a>
        )}
        <strong>{note.title}</strong>
        {note.period === 'after' && <span class="tag tag--after"> {t('afterArticle')}</span>}
      </p>
      {note.body.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      {note.singleSource && <SingleSourceNotice caveat={note.singleSource} />}
      <p class="endnote__sources-title">{t('printSources')}</p>
      <ul class="endnote__sources">
        {note.sources.map((source) => {
          const href = safeHttpsUrl(source.url);
          const label = `${source.title} (${source.publisher}${source.date ? `, ${formatDate(source.date)}` : ''})`;
          return (
            <li key={source.id}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {label}
                </a>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
