import { useState } from 'preact/hooks';
import type { Correction } from '../lib/shared/corrections';
import { t } from '../lib/shared/i18n';

export interface CorrectionListProps {
  /** The reader's corrections on this page. */
  corrections: readonly Correction[];
  /** All corrections, for the report. */
  total: number;
  onUndo: (id: string) => void;
  /** Copies the report; resolves false when the browser refused. */
  onCopy: () => Promise<boolean>;
}

/** Links the reader removed on this page, each with undo, and the report they may copy for the set's maintainers. */
export default function CorrectionList({ corrections, total, onUndo, onCopy }: CorrectionListProps) {
  const [status, setStatus] = useState<string | null>(null);
  if (corrections.length === 0 && total === 0) return null;
  return (
    <section aria-labelledby="corrections-title" class="corrections" data-testid="corrections">
      {corrections.length > 0 && (
        <>
          <h2 id="corrections-title" class="section-title">
            {t('popupCorrections')}
          </h2>
          <ul class="corrections__list">
            {corrections.map((c) => (
              <li key={c.id}>
                <span>{t(c.scope === 'words' ? 'correctionItemAll' : 'correctionItem', [c.words, c.entityName])}</span>{' '}
                <button type="button" class="link-button" aria-label={t('undoCorrection', [c.words, c.entityName])} onClick={() => onUndo(c.id)}>
                  {t('undo')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {total > 0 && (
        <p>
          <button
            type="button"
            class="link-button"
            aria-describedby="corrections-status"
            onClick={() => void onCopy().then((ok) => setStatus(ok ? t('copiedCorrections', String(total)) : t('copyFailed')))}
          >
            {t('copyCorrections')}
          </button>
          <span id="corrections-status" role="status" class="corrections__status">
            {status}
          </span>
        </p>
      )}
    </section>
  );
}
