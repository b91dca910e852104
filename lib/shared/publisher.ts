/**
 * The publisher Backstory works on, and how its URLs look.
 *
 * Hosts are compared exactly: a lookalike such as lranintl.com (a lower-case
 * L, seen in the wild) or iranintl.com.evil.example is never the publisher.
 * The same list is the content script's match patterns in wxt.config.ts.
 */
export const PUBLISHER_HOSTS: readonly string[] = ['iranintl.com', 'www.iranintl.com', 'beta.iranintl.com'];

export function isPublisherHost(hostname: string): boolean {
  // Exact names only, so "www.iranintl.com." (the same host written fully
  // qualified) is not the publisher's either: Firefox's match patterns never
  // inject there and Chromium's do, so the one answer both browsers can give
  // is "nothing here". (No regular expression here or in normalizePath: each
  // costs a compile on the content script's first run.)
  return PUBLISHER_HOSTS.includes(hostname.toLowerCase());
}

/** Path without trailing slashes (query and fragment are not part of a pathname). */
export function normalizePath(pathname: string): string {
  let end = pathname.length;
  while (end > 0 && pathname.charCodeAt(end - 1) === 0x2f) end--;
  return end === 0 ? '/' : pathname.slice(0, end);
}

/** English article pages: /en/ followed by the 12-digit story id (YYYYMMDD + 4). */
export function isEnglishArticlePath(pathname: string): boolean {
  return /^\/en\/\d{12}$/.test(normalizePath(pathname));
}
