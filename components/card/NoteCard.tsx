import type { SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import type { Note } from '../../lib/shared/annotations/types';
import { formatDate } from '../../lib/shared/format-date';
import { t } from '../../lib/shared/i18n';
import FactList from './FactList';
import SingleSourceNotice from './SingleSourceNotice';
import SourceList from './SourceList';

export interface NoteCardProps {
  note: Note;
  sources: SourceLookup;
  articleDate?: string;
}

/** A background note in full: its paragraphs, dated facts, caveat and sources. */
export default function NoteCard({ note, sources, articleDate }: NoteCardProps) {
  return (
    <div class="card__content">
      {note.period === 'after' && (
        <p class="badge badge--after">
          {articleDate ? t('afterArticleSince', formatDate(articleDate)) : t('afterArticle')}
        </p>
      )}
      {note.singleSource && <SingleSourceNotice caveat={note.singleSource} />}
      {note.body.map((paragraph, i) => (
        <p key={i} class="note-paragraph">
          {paragraph}
        </p>
      ))}
      <FactList facts={note.facts} sources={sources} headingId="bs-note-facts" articleDate={articleDate} />
      <SourceList sourceIds={note.sources} sources={sources} headingId="bs-note-sources" />
      <p class="meta">{t('asOf', formatDate(note.asOf))}</p>
    </div>
  );
}
