import { datedView } from '../../lib/shared/annotations/dated-view';
import type { SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import type { Entity, Note } from '../../lib/shared/annotations/types';
import { formatDate } from '../../lib/shared/format-date';
import { t } from '../../lib/shared/i18n';
import type { LinkOnPage } from './AnnotationCard';
import FactList from './FactList';
import NotThis, { type RejectScope } from './NotThis';
import RoleLine from './RoleLine';
import SinceArticle from './SinceArticle';
import SourceList from './SourceList';
import WhyLinked from './WhyLinked';

export interface EntityCardProps {
  entity: Entity;
  /** Background notes that concern the entity. */
  notes: readonly Note[];
  onOpenNote: (note: Note) => void;
  sources: SourceLookup;
  /** Publication date of the page being read (YYYY-MM-DD), when known: the card is dated to it. */
  articleDate?: string;
  /** The words on the page this card was opened from, and why they were linked. */
  link?: LinkOnPage;
  onReject?: (scope: RejectScope) => void;
}

/** How many facts from the page's time a card shows: the most recent before it. */
export const CARD_FACTS = 4;

export default function EntityCard({ entity, notes, onOpenNote, sources, articleDate, link, onReject }: EntityCardProps) {
  const wikidata = entity.wikidata ? `https://www.wikidata.org/wiki/${encodeURIComponent(entity.wikidata)}` : null;
  const view = datedView(entity.roles ?? [], entity.facts, articleDate ?? null);
  const native = entity.nativeName;
  return (
    <div class="card__content">
      {native && (
        <p class="native-name">
          <span class="visually-hidden">{t('nativeNameLabel')} </span>
          <span lang={native.lang} dir={native.dir ?? 'auto'}>
            {native.text}
          </span>
        </p>
      )}
      {link && <WhyLinked words={link.words} reason={link.reason} name={entity.name} />}
      <p class="description">{entity.description}</p>
      {view.rolesThen.length > 0 && (
        <ul class="roles" aria-label={t('cardRoles')}>
          {view.rolesThen.map(({ role, held }, i) => (
            <RoleLine key={i} role={role} change={null} held={held} />
          ))}
        </ul>
      )}
      <FactList facts={view.factsThen.slice(-CARD_FACTS)} sources={sources} headingId="bs-facts" />
      {articleDate && <SinceArticle view={view} pageDate={articleDate} sources={sources} headingId="bs-since" />}
      {notes.length > 0 && (
        <section aria-labelledby="bs-background">
          <h3 id="bs-background" class="section-title">{t('cardBackground')}</h3>
          <ul class="note-links">
            {notes.map((note) => (
              <li key={note.id}>
                <button type="button" class="note-link" onClick={() => onOpenNote(note)}>
                  {note.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SourceList sourceIds={entity.sources} sources={sources} headingId="bs-sources" />
      {link && onReject && <NotThis words={link.words} sameWords={link.sameWords} onReject={onReject} />}
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
