import { t } from '../lib/shared/i18n';

export interface PrintToolbarProps {
  onPrint: () => void;
  onCopyMarkdown: () => void;
  onSaveHtml: () => void;
  /** The last action's outcome, announced politely. */
  status: string;
}

/** Print, copy and save: screen only (the print stylesheet hides it, the saved file drops it). */
export default function PrintToolbar({ onPrint, onCopyMarkdown, onSaveHtml, status }: PrintToolbarProps) {
  return (
    <div class="print-toolbar" role="toolbar" aria-label={t('printToolbar')} data-no-export>
      <button type="button" class="action" onClick={onPrint}>
        {t('printPrint')}
      </button>
      <button type="button" class="action" onClick={onCopyMarkdown}>
        {t('printCopyMarkdown')}
      </button>
      <button type="button" class="action" onClick={onSaveHtml}>
        {t('printSaveHtml')}
      </button>
      <p class="print-toolbar__status" role="status">
        {status}
      </p>
    </div>
  );
}
