/**
 * The bundled set where the extension holds it: the background, which loads
 * annotation-data.js first (importScripts in Chrome's service worker, the
 * manifest in Firefox: fetch is blocked by connect-src 'none', and the data
 * stays out of the code bundle) and answers everyone else
 * (docs/decisions/0031-matching-in-the-background.md). Null when it did not run.
 */
import { bundledAnnotationSet, type BundledAnnotationSet } from '../shared/annotations/bundled-set';

export function loadBundledSet(): BundledAnnotationSet | null {
  try {
    return bundledAnnotationSet();
  } catch {
    return null;
  }
}
