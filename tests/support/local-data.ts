/**
 * The annotation set answered in place, as the background answers it in the
 * extension (lib/extension/background/answer-request.ts). The analysis runs in
 * time slices, so a test on a page measures the page's own work (indexing and
 * placing), as it would with the analysis in the background.
 */
import { TimeSlicer, SLICE_MS } from '../../lib/content/yield-to-main';
import { localPageData, type PageDataSource } from '../../lib/shared/analysis/page-data';
import type { AnnotationSet } from '../../lib/shared/annotations/types';
import { compileEntityForms } from '../../lib/shared/mentions/entity-forms';
import { annotationSet } from './bundled-data';

export function localData(set: AnnotationSet = annotationSet): PageDataSource {
  // As the build compiles them into annotation-data.js.
  return localPageData(set, compileEntityForms(set.entities), (steps) => new TimeSlicer(SLICE_MS).run(steps, null));
}
