/**
 * The bundled set in an extension page. The page loads annotation-data.js
 * with a <script> (fetch is blocked by the pages' connect-src 'none', and
 * the data stays out of the code bundle, as in the content script).
 */
import { bundledAnnotationSet } from '../../shared/annotations/bundled-set';
import type { AnnotationSet } from '../../shared/annotations/types';

export function loadBundledSet(): AnnotationSet | null {
  try {
    return bundledAnnotationSet();
  } catch {
    return null;
  }
}
