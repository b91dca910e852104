/**
 * The annotation set as the extension receives it. The build (wxt.config.ts)
 * validates data/ and ships it as `annotation-data.js`, which the background
 * and the extension's own pages load first; it leaves the set on this global,
 * with its surface forms compiled for the matcher (building that tree on
 * every start cost 0.8 ms, #3). No page of the publisher's loads it: the
 * content script asks the background (docs/decisions/0031-matching-in-the-background.md).
 * Keeping the data out of the code bundle lets data and code be measured,
 * reviewed and cached separately.
 */
import { compileEntityForms, type EntityFormIndex } from '../mentions/entity-forms';
import type { AnnotationSet } from './types';

export const DATA_GLOBAL = '__BACKSTORY_DATA__';

/** The file the build writes the set to, at the extension's root. */
export const DATA_SCRIPT = 'annotation-data.js';

export type BundledAnnotationSet = AnnotationSet & { formIndex: EntityFormIndex };

export function bundledAnnotationSet(): BundledAnnotationSet {
  const set = (globalThis as Record<string, unknown>)[DATA_GLOBAL] as BundledAnnotationSet | undefined;
  if (!set || !Array.isArray(set.entities) || !set.formIndex) throw new Error('Backstory: annotation data script did not run');
  return set;
}

/**
 * The source of annotation-data.js for a validated set. The data goes in as
 * a JSON string for JSON.parse, which engines parse faster than the same
 * data as a JavaScript literal (https://v8.dev/blog/cost-of-javascript-2019#json).
 */
export function annotationDataScript(set: AnnotationSet): string {
  const bundled: BundledAnnotationSet = { ...set, formIndex: compileEntityForms(set.entities) };
  return `globalThis.${DATA_GLOBAL} = JSON.parse(${JSON.stringify(JSON.stringify(bundled))});\n`;
}
