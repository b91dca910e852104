import { t } from '../lib/i18n';
import type { NoteOnPage } from '../lib/messages';

export interface NoteListProps {
  notes: readonly NoteOnPage[];
  onReveal: (id: string) => void;
}

/** The article's background notes; those that could not be placed are listed apart, never hidden. */
export default function NoteList({ notes, onReveal }: NoteListProps) {
  const placed = notes.filter((n) => n.placed);
  const orphans = notes.filter((n) => !n.placed);
  return (
    <>
      <ul class="notes">
        {placed.map((note) => (
          <li key={note.id}>
            <button type="button" class="note-button" onClick={() => onReveal(note.id)}>
              {note.title}
              {note.period === 'after' && <span class="tag tag--after"> {t('afterArticle')}</span>}
              {note.singleSource && <span class="tag tag--caveat"> {t('singleSourceTag')}</span>}
            </button>
          </li>
        ))}
      </ul>
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
