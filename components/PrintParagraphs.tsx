import type { PrintParagraph } from '../lib/extension/print/print-model';
import { t } from '../lib/shared/i18n';

export interface PrintParagraphsProps {
  paragraphs: readonly PrintParagraph[];
}

/** The article's text as the page has it, a superscript note number after each anchored passage. */
export default function PrintParagraphs({ paragraphs }: PrintParagraphsProps) {
  return (
    <div class="print-text">
      {paragraphs.map((paragraph, i) => {
        const parts = paragraph.parts.map((part, j) =>
          'ref' in part ? (
            <sup key={j} class="note-ref">
              <a id={part.refId} href={`#note-${part.ref}`} aria-label={t('printNoteRef', String(part.ref))}>
                {part.ref}
              </a>
            </sup>
          ) : (
            part.text
          ),
        );
        if (paragraph.kind === 'heading') return <h3 key={i}>{parts}</h3>;
        if (paragraph.kind === 'quote') return <blockquote key={i}>{parts}</blockquote>;
        if (paragraph.kind === 'caption') return <p key={i} class="print-caption">{parts}</p>;
        return <p key={i}>{parts}</p>;
      })}
    </div>
  );
}
