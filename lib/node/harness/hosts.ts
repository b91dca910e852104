/**
 * Host names the browsers are told about. Every one of them resolves to the
 * local fixture server; any other host goes to the catch-all server, which
 * only records that something tried to leave the machine.
 */
import { PUBLISHER_HOSTS } from '../../shared/publisher';

export { PUBLISHER_HOSTS };

/** The publisher's host with a lower-case L for the I: Backstory must ignore it. */
export const LOOKALIKE_HOST = 'lranintl.com';

export const ARTICLE_HOST = 'www.iranintl.com';

/** The article's host written fully qualified: not the publisher's host to Backstory, in either browser. */
export const TRAILING_DOT_HOST = 'www.iranintl.com.';

export const MAPPED_HOSTS: readonly string[] = [...PUBLISHER_HOSTS, LOOKALIKE_HOST, TRAILING_DOT_HOST];

/**
 * Hosts the browsers contact for their own services. Each was seen at the
 * catch-all server in a run of the same browser and flags WITHOUT Backstory
 * installed (Chromium's component/extension updater, network time and
 * account check; Firefox's Remote Settings), so they say nothing about the
 * extension. Anything else reaching the catch-all fails the tests.
 */
export const BROWSER_SERVICE_HOSTS = {
  chromium: ['update.googleapis.com', 'clients2.google.com', 'accounts.google.com'],
  firefox: ['firefox.settings.services.mozilla.com'],
} as const satisfies Record<string, readonly string[]>;
