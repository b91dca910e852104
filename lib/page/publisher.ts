/**
 * The publisher Backstory works on, and how its URLs look.
 *
 * Hosts are compared exactly: a lookalike such as lranintl.com (a lower-case
 * L, seen in the wild) or iranintl.com.evil.example is never the publisher.
 * The same list is the content script's match patterns in wxt.config.ts.
 */
export const PUBLISHER_HOSTS: readonly string[] = ['iranintl.com', 'www.iranintl.com', 'beta.iranintl.com'];

export function isPublisherHost(hostname: string): boolean {
  return PUBLISHER_HOSTS.includes(hostname.toLowerCase().replace(/\.$/, ''));
}

/** Path without trailing slashes (query and fragment are not part of a pathname). */
export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** English article pages: /en/ followed by the 12-digit story id (YYYYMMDD + 4). */
export function isEnglishArticlePath(pathname: string): boolean {
  return /^\/en\/\d{12}$/.test(normalizePath(pathname));
}
