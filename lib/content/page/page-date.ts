/**
 * The page's publication date, as the page states it: the first
 * time[datetime] in the article's header, then the article:published_time
 * meta tag. Nothing is guessed: with neither, the date is unknown and forms
 * whose referent changed over time are not highlighted.
 */
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

function isoDay(value: string | null | undefined): string | null {
  const match = value?.trim().match(ISO_DAY);
  return match ? match[1] : null;
}

export function pageDate(root: Element): string | null {
  // Indexed: see findArticleRoot.
  const times = root.querySelectorAll('time[datetime]');
  for (let i = 0; i < times.length; i++) {
    const day = isoDay(times[i].getAttribute('datetime'));
    if (day) return day;
  }
  const meta = root.ownerDocument.querySelector('meta[property="article:published_time"]');
  return isoDay(meta?.getAttribute('content'));
}
