/**
 * A page's status, worked out in one place: the content script decides from
 * it whether to annotate and reports it; the popup reads the same status and
 * asks these functions what it means for its controls.
 */
import type { PageStatus } from './messages';

export interface StatusInput {
  /** A pass has finished with the reader's settings (until then: loading, not a guess). */
  settled: boolean;
  /** Backstory on for the site; null while the settings are being read. */
  siteEnabled: boolean | null;
  /** The reader turned Backstory off for this page. */
  pageOff: boolean;
  /** What the page is: the annotated article, another article of the site, or neither (yet). */
  page: 'article' | 'other-article' | 'none';
}

export function pageStatus({ settled, siteEnabled, pageOff, page }: StatusInput): PageStatus {
  if (!settled || siteEnabled === null) return 'loading';
  if (!siteEnabled) return 'site-off';
  if (page === 'none') return 'no-article';
  return pageOff ? 'page-off' : page;
}

/** Backstory annotates the page in this status. */
export function isAnnotated(status: PageStatus): boolean {
  return status === 'article' || status === 'other-article';
}

/** The popup's "this page" switch: on, off, or not offered (no article, site off, still loading). */
export function pageSwitch(status: PageStatus): boolean | null {
  if (status === 'page-off') return false;
  return isAnnotated(status) ? true : null;
}
