import type { ItemSourcing } from '../lib/extension/timeline/build-timeline';
import { t } from '../lib/shared/i18n';

export interface SourcingLabelProps {
  sourcing: ItemSourcing;
}

/**
 * How solid an item is: "1 source", "3 sources", and whether only official
 * accounts back it. Its parts go straight into the item's line, with no
 * wrapper of their own: the print page renders 122 of these for the article.
 */
export default function SourcingLabel({ sourcing }: SourcingLabelProps) {
  const count = sourcing.independent === 1 ? t('sourceCountOne') : t('sourceCountMany', String(sourcing.independent));
  return (
    <>
      <span class={sourcing.independent === 1 ? 'sourcing__count sourcing__count--one' : 'sourcing__count'}>{count}</span>
      {sourcing.officialOnly && <span class="sourcing__official">{` · ${t('officialOnly')}`}</span>}
    </>
  );
}
