/**
 * The data check: everything that must hold of the annotation set before it
 * ships, one module per rule. Pure (no file system), so tests can feed it bad
 * input; scripts/check-data.ts is the command and lib/node/data-check/load-files.ts
 * does the reading. Every problem names the file, the JSON path and the reason.
 */
import { checkEvents, type EventsFile } from './events';
import { checkArticles } from './articles';
import { checkDates } from './dates';
import { checkNotes } from './notes';
import type { DataFile, DataProblem, Report } from './problems';
import { collectRecords } from './records';
import { checkSchemas } from './schema';
import { checkSourceRegister } from './source-register';
import { checkSurfaceForms } from './surface-forms';
import { checkTextFields } from './text-fields';

export { formatProblem, type DataFile, type DataKind, type DataProblem } from './problems';

export interface ValidationInput {
  files: DataFile[];
  /** Rendered text of each article's bundled page copy, by article id. */
  articleTexts: Map<string, string>;
  /** data/events.json, when present. */
  events?: EventsFile;
}

export function validateAnnotationData(input: ValidationInput): DataProblem[] {
  const problems: DataProblem[] = [];
  const report: Report = (file, path, reason) => problems.push({ file, path, reason });
  const valid = checkSchemas(input.files, report);
  for (const kind of ['sources', 'policy', 'set'] as const) {
    if (!input.files.some((file) => file.kind === kind)) report(`data/${kind === 'policy' ? 'source-policy' : kind}.json`, '$', 'file is missing');
  }
  checkTextFields(valid, report);
  const records = collectRecords(valid, report);
  checkSourceRegister(records, report);
  checkDates(records, valid, report);
  checkSurfaceForms(records, report);
  checkNotes(records, input.articleTexts, report);
  checkArticles(records, input.articleTexts, report);
  problems.push(...checkEvents(input.events, records.entities, records.notes, records.fileOf));
  return problems;
}
