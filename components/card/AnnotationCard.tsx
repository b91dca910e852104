import type { SourceLookup } from '../../lib/shared/annotations/fact-sourcing';
import type { Entity, EntityType, Note } from '../../lib/shared/annotations/types';
import type { LinkReason } from '../../lib/shared/mentions/resolve-mentions';
import type { RejectScope } from './NotThis';
import { t } from '../../lib/shared/i18n';
import EntityCard from './EntityCard';
import NoteCard from './NoteCard';

/** How the entity card was reached from words on the page: what was linked and why. */
export interface LinkOnPage {
  words: string;
  reason: LinkReason;
  /** Mentions of the same words linked to the same entity on the page. */
  sameWords: number;
}

export type CardView = { kind: 'entity'; entity: Entity; link?: LinkOnPage } | { kind: 'note'; note: Note; from?: Entity };

export interface AnnotationCardProps {
  view: CardView;
  /** Notes that concern the entity on view. */
  relatedNotes: readonly Note[];
  /** The source register, for the facts' sources. */
  sources: SourceLookup;
  /** Publication date of the page (YYYY-MM-DD), when known. */
  articleDate?: string;
  onClose: () => void;
  onOpenNote: (note: Note) => void;
  onBack: () => void;
  /** The reader says the linked words are not this entity. */
  onReject?: (scope: RejectScope) => void;
}

export function typeLabel(type: EntityType): string {
  return t(`type_${type}`);
}

/**
 * The card frame: a non-modal dialog named by its title. Text comes from the
 * annotation set and is rendered as text nodes only.
 */
export default function AnnotationCard({ view, relatedNotes, sources, articleDate, onClose, onOpenNote, onBack, onReject }: AnnotationCardProps) {
  const record = view.kind === 'entity' ? view.entity : view.note;
  const title = view.kind === 'entity' ? view.entity.name : view.note.title;
  const kicker = view.kind === 'entity' ? typeLabel(view.entity.type) : t('noteLabel');
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="bs-card-title"
      tabIndex={-1}
      lang={record.lang ?? 'en'}
      dir={record.dir ?? 'auto'}
      data-testid="backstory-card"
    >
      <div class="card__header">
        <div>
          <p class="card__kicker">{kicker}</p>
          <h2 id="bs-card-title" class="card__title">
            {title}
          </h2>
        </div>
        <button type="button" class="card__close" aria-label={t('close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="card__body">
        {view.kind === 'note' && view.from && (
          <button type="button" class="back-link" onClick={onBack}>
            {t('backTo', view.from.name)}
          </button>
        )}
        {view.kind === 'entity' ? (
          <EntityCard entity={view.entity} notes={relatedNotes} onOpenNote={onOpenNote} sources={sources} articleDate={articleDate} link={view.link} onReject={onReject} />
        ) : (
          <NoteCard note={view.note} sources={sources} articleDate={articleDate} />
        )}
      </div>
    </div>
  );
}
