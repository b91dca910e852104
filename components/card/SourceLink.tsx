import type { Source } from '../../lib/shared/annotations/types';
import { formatDate } from '../../lib/shared/format-date';
import { t } from '../../lib/shared/i18n';
import { safeHttpsUrl } from '../../lib/shared/safe-url';

export interface SourceLinkProps {
  source: Source;
}

/** One source as a link that opens in a new tab and leaks nothing to the target; plain text if its URL is not https. */
export default function SourceLink({ source }: SourceLinkProps) {
  const href = safeHttpsUrl(source.url);
  const details = [source.publisher, source.origin && source.origin !== source.publisher ? source.origin : null, source.date && formatDate(source.date)];
  const label = `${source.title} (${details.filter(Boolean).join(', ')})`;
  if (!href) return <>{label}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
