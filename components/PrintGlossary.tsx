import { t } from '../lib/shared/i18n';
import type { GlossaryEntry } from '../lib/extension/print/print-model';

export interface PrintGlossaryProps {
  entries: readonly GlossaryEntry[];
}

/** The entities found on the page, A to Z, each with its type and description. */
export default function PrintGlossary({ entries }: PrintGlossaryProps) {
  return (
    <dl class="glossary">
      {entries.map((entry) => (
        <div key={entry.id} class="glossary__entry">
          <dt lang={entry.lang} dir={entry.dir ?? 'auto'}>
            {entry.name} <span class="glossary__type">({t(`type_${entry.type}`)})</span>
          </dt>
          <dd>{entry.description}</dd>
        </div>
      ))}
    </dl>
  );
}
