/** Rule 1: every file matches its JSON Schema (data/schema/). */
import Ajv, { type ErrorObject } from 'ajv';
import articleSchema from '../../../data/schema/article.schema.json';
import commonSchema from '../../../data/schema/common.schema.json';
import entitySchema from '../../../data/schema/entity.schema.json';
import noteSchema from '../../../data/schema/note.schema.json';
import setSchema from '../../../data/schema/set.schema.json';
import policySchema from '../../../data/schema/source-policy.schema.json';
import sourcesSchema from '../../../data/schema/sources.schema.json';
import type { DataFile, DataKind, Report } from './problems';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(commonSchema);
const validators: Record<DataKind, ReturnType<typeof ajv.compile>> = {
  entity: ajv.compile(entitySchema),
  note: ajv.compile(noteSchema),
  article: ajv.compile(articleSchema),
  sources: ajv.compile(sourcesSchema),
  policy: ajv.compile(policySchema),
  set: ajv.compile(setSchema),
};

/** `/facts/2/text` → `$.facts[2].text` */
export function jsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
  );
}

function schemaReason(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === 'pattern' && /url$/i.test(error.instancePath)) {
    return 'URL must be an absolute https:// address';
  }
  if (error.keyword === 'maxLength' || error.keyword === 'minLength' || error.keyword === 'maxItems') {
    return `${error.message} (see the limits in data/README.md)`;
  }
  return error.message ?? error.keyword;
}

/** The files that pass their schema; the others are reported and not examined further. */
export function checkSchemas(files: readonly DataFile[], report: Report): DataFile[] {
  const valid: DataFile[] = [];
  for (const file of files) {
    const validate = validators[file.kind];
    if (validate(file.json)) valid.push(file);
    else for (const error of validate.errors ?? []) report(file.path, jsonPath(error.instancePath), schemaReason(error));
  }
  return valid;
}
