import { formatDate } from '../lib/shared/format-date';
import { t } from '../lib/shared/i18n';
import type { NoteOnPage } from '../lib/shared/messages';

export interface NoteListProps {
  notes: readonly NoteOnPage[];
  /** The article's publication date: notes about what came after are listed under it. */
  published: string;
  onReveal: (id: string) => void;
}

/**
 * The article's notes: background first, then what came after under its own
 * dated heading, so later events never read as part of the article; those
 * that could not be placed are listed apart, never hidden.
 */
export default function NoteList({ notes, published, onReveal }: NoteListProps) {
  const placed = notes.filter((n) => n.placed);
  const orphans = notes.filter((n) => !n.placed);
  const item = (note: NoteOnPage) => (
    <li key={note.id}>
      <button type="button" class="note-button" onClick={() => onReveal(note.id)}>
        {note.title}
        {note.singleSource && <span class="tag tag--caveat"> {t('singleSourceTag')}</span>}
      </button>
    </li>
  );
  const later = placed.filter((n) => n.period === 'after');
  return (
    <>
      <ul class="notes">{placed.filter((n) => n.period !== 'after').map(item)}</ul>
      {later.length > 0 && (
        <section aria-labelledby="since-title" class="since" data-testid="notes-since">
          <h3 id="since-title" class="group__title">
            {t('sinceArticle', formatDate(published))}
          </h3>
          <ul class="notes">{later.map(item)}</ul>
        </section>
      )}
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-title" class="orphans" data-testid="orphans">
          <h3 id="orphans-title" class="group__title">{t('popupOrphans')}</h3>
          <ul>
            {orphans.map((note) => (
              <li key={note.id}>{t('orphanNote', note.title)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
