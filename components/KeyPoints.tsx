import type { SummaryPoint } from '../lib/shared/annotations/types';
import { t } from '../lib/shared/i18n';

export interface KeyPointsProps {
  points: readonly SummaryPoint[];
  /** Class of the list (the popup and the print page style it differently). */
  class?: string;
}

/** The article's key points, each that rests on the single unnamed source tagged so. */
export default function KeyPoints({ points, class: className }: KeyPointsProps) {
  return (
    <ul class={className}>
      {points.map((point, i) => (
        <li key={i}>
          {point.text}
          {point.singleSource && <span class="tag tag--caveat"> {t('singleSourceTag')}</span>}
        </li>
      ))}
    </ul>
  );
}
