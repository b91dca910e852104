/**
 * UI strings through the browser's i18n (public/_locales/<lang>/messages.json),
 * so translations can be added without touching code.
 */
import { browser } from 'wxt/browser';

export function t(key: string, substitutions?: string | string[]): string {
  // Keys are partly built at run time (`type_${type}`), so the generated key union cannot check them here.
  return browser.i18n.getMessage(key as never, substitutions) || key;
}
