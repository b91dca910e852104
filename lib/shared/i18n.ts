/**
 * UI strings through the browser's i18n (public/_locales/<lang>/messages.json),
 * so translations can be added without touching code. Keys are typed from
 * the English messages, the default locale: a key that is not there fails
 * `npm run check` instead of showing its raw name to the reader. Keys built
 * at run time (`type_${type}`) are checked too, as unions of template
 * literal types. tests/unit/i18n.test.ts checks every other locale has them.
 */
import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // WXT types getMessage as one overload per key, which a key union cannot pick; the union above is the check.
  return browser.i18n.getMessage(key as never, substitutions) || key;
}
