import type { SingleSourceCaveat } from '../../lib/shared/annotations/types';
import { t } from '../../lib/shared/i18n';

export interface SingleSourceNoticeProps {
  caveat: SingleSourceCaveat;
}

/** A claim that rests on one unnamed source, with what other accounts say. */
export default function SingleSourceNotice({ caveat }: SingleSourceNoticeProps) {
  return (
    <div class="caveat" role="note">
      <p class="caveat__label">{t('singleSourceLabel')}</p>
      <p>{caveat.claim}</p>
      <p>
        <strong>{t('otherAccounts')}</strong> {caveat.otherAccounts}
      </p>
    </div>
  );
}
