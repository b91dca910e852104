/**
 * The bundled set where the extension holds it: the background and the
 * extension's own pages. They load annotation-data.js first (a <script> in
 * the pages, importScripts or the manifest in the background: fetch is
 * blocked by connect-src 'none', and the data stays out of the code bundle).
 * Null when it did not run.
 */
import { bundledAnnotationSet, type BundledAnnotationSet } from '../shared/annotations/bundled-set';

export function loadBundledSet(): BundledAnnotationSet | null {
  try {
    return bundledAnnotationSet();
  } catch {
    return null;
  }
}
