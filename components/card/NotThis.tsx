import { useState } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';

export type RejectScope = 'mention' | 'words';

export interface NotThisProps {
  words: string;
  /** How many mentions of these words are linked to this entity on the page. */
  sameWords: number;
  onReject: (scope: RejectScope) => void;
}

/** "Not this?": the reader removes a wrong link, here or for every mention of the words on the page. */
export default function NotThis({ words, sameWords, onReject }: NotThisProps) {
  const [open, setOpen] = useState(false);
  return (
    <div class="not-this">
      <button type="button" class="not-this__toggle" aria-expanded={open} aria-controls="bs-not-this" onClick={() => setOpen(!open)}>
        {t('notThis')}
      </button>
      <div id="bs-not-this" class="not-this__panel" hidden={!open}>
        <p>{t('notThisHint')}</p>
        <button type="button" class="not-this__action" onClick={() => onReject('mention')}>
          {t('notThisOne')}
        </button>
        {sameWords > 1 && (
          <button type="button" class="not-this__action" onClick={() => onReject('words')}>
            {t('notThisAll', [String(sameWords), words])}
          </button>
        )}
      </div>
    </div>
  );
}
