import type { Entity, Note } from '../lib/annotations/types';
import { formatDate } from '../lib/format-date';
import { t } from '../lib/i18n';
import FactList from './FactList';
import SourceList from './SourceList';

export interface EntityCardProps {
  entity: Entity;
  /** Background notes that concern the entity. */
  notes: readonly Note[];
  onOpenNote: (noteId: string) => void;
  articleDate?: string;
}

/** How many dated facts a card shows: the most recent, in date order. */
export const CARD_FACTS = 3;

export function keyFacts(entity: Entity) {
  const sorted = [...entity.facts].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.slice(-CARD_FACTS);
}

export default function EntityCard({ entity, notes, onOpenNote, articleDate }: EntityCardProps) {
  const wikidata = entity.wikidata ? `https://www.wikidata.org/wiki/${encodeURIComponent(entity.wikidata)}` : null;
  return (
    <div class="card__content">
      <p class="description">{entity.description}</p>
      <FactList facts={keyFacts(entity)} headingId="bs-facts" articleDate={articleDate} />
      {notes.length > 0 && (
        <section aria-labelledby="bs-background">
          <h3 id="bs-background" class="section-title">{t('cardBackground')}</h3>
          <ul class="note-links">
            {notes.map((note) => (
              <li key={note.id}>
                <button type="button" class="note-link" onClick={() => onOpenNote(note.id)}>
                  {note.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SourceList sources={entity.sources} headingId="bs-sources" />
      <p class="meta">
        {t('asOf', formatDate(entity.asOf))}
        {wikidata && (
          <>
            {' · '}
            <a href={wikidata} target="_blank" rel="noopener noreferrer">
              {t('wikidataLink', entity.wikidata!)}
              <span class="visually-hidden"> {t('opensInNewTab')}</span>
            </a>
          </>
        )}
      </p>
    </div>
  );
}
