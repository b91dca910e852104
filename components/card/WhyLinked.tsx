import { formatDate } from '../../lib/shared/format-date';
import { t } from '../../lib/shared/i18n';
import type { LinkReason } from '../../lib/shared/mentions/resolve-mentions';

export interface WhyLinkedProps {
  /** The words on the page that were linked. */
  words: string;
  reason: LinkReason;
  /** The entity's name, or the name of the entity the words were resolved to. */
  name: string;
}

/** One line on why these words were linked to this entity, so a reader can judge the link (issue #14). */
export default function WhyLinked({ words, reason, name }: WhyLinkedProps) {
  return <p class="why">{whyText(words, reason, name)}</p>;
}

export function whyText(words: string, reason: LinkReason, name: string): string {
  switch (reason.kind) {
    case 'name':
      return t('whyName', name);
    case 'title':
      return reason.date ? t('whyTitle', [words, name, formatDate(reason.date)]) : t('whyTitleUndated', [words, name]);
    case 'refers-back':
      return t(reason.direction === 'above' ? 'whyAbove' : 'whyBelow', [words, name]);
    case 'context':
      return t('whyContext', [words, name, reason.words]);
  }
}
