/**
 * The data check: everything that must hold of the annotation set before it
 * ships. Pure (no file system), so tests can feed it bad input; see
 * scripts/check-data.ts for the command and load-files.ts for the reading.
 *
 * Every problem names the file, the JSON path and the reason.
 */
import Ajv, { type ErrorObject } from 'ajv';
import commonSchema from '../../data/schema/common.schema.json';
import entitySchema from '../../data/schema/entity.schema.json';
import noteSchema from '../../data/schema/note.schema.json';
import articleSchema from '../../data/schema/article.schema.json';
import { matchQuote } from '../anchoring/match-quote';
import { checkEvents, type EventsFile } from './check-events';
import { firstDay, lastDay } from '../mentions/active-forms';
import { createMentionMatcher, findMentions } from '../mentions/find-mentions';
import { normalizeText } from '../text/normalize';
import { isWordCode } from '../text/word-chars';
import type { Article, Entity, Fact, Note, Source } from './types';

export type DataKind = 'entity' | 'note' | 'article';

export interface DataFile {
  /** Path as shown to the maintainer, e.g. data/entities/xi-jinping.json. */
  path: string;
  kind: DataKind;
  /** Parsed JSON. */
  json: unknown;
}

export interface DataProblem {
  file: string;
  /** JSONPath-style location, e.g. $.facts[2].sources[0]. */
  path: string;
  reason: string;
}

export interface ValidationInput {
  files: DataFile[];
  /** Rendered text of each article's bundled page copy, by article id. */
  articleTexts: Map<string, string>;
  /** data/events.json, when present. */
  events?: EventsFile;
}

export function formatProblem(p: DataProblem): string {
  return `${p.file} ${p.path}: ${p.reason}`;
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(commonSchema);
const validators = {
  entity: ajv.compile(entitySchema),
  note: ajv.compile(noteSchema),
  article: ajv.compile(articleSchema),
};

/** `/facts/2/text` → `$.facts[2].text` */
function jsonPath(pointer: string): string {
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
  return error.message ?? error.keyword;
}

const MARKUP = /<\/?[a-z!][^>]*>|<[a-z]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const URL_KEYS = new Set(['url', 'source', '$schema']);

/** Every string in a JSON value with its path. */
function* strings(value: unknown, path: string): Generator<[string, string, string]> {
  if (typeof value === 'string') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    yield [value, path, key];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
  }
}

interface Entry {
  file: DataFile;
  id: string;
}

export function validateAnnotationData(input: ValidationInput): DataProblem[] {
  const problems: DataProblem[] = [];
  const report = (file: string, path: string, reason: string): void => {
    problems.push({ file, path, reason });
  };

  // 1. Schema. Files that fail it are not examined further.
  const valid: DataFile[] = [];
  for (const file of input.files) {
    const validate = validators[file.kind];
    if (validate(file.json)) {
      valid.push(file);
    } else {
      for (const error of validate.errors ?? []) report(file.path, jsonPath(error.instancePath), schemaReason(error));
    }
  }

  // 2. Markup and non-https URLs anywhere in the text.
  for (const file of valid) {
    for (const [value, path, key] of strings(file.json, '$')) {
      if (URL_KEYS.has(key) || key === 'url') continue;
      if (MARKUP.test(value)) report(file.path, path, 'markup is not allowed in text fields (write plain text)');
      if (/\bhttp:\/\//.test(value)) report(file.path, path, 'URL must use https');
    }
  }

  // 3. Unique ids, file names that match them.
  const entities = new Map<string, Entity>();
  const notes = new Map<string, Note>();
  const articles = new Map<string, Article>();
  const owner = new Map<unknown, DataFile>();
  const seen = new Map<string, Entry>();
  for (const file of valid) {
    const record = file.json as { id: string };
    const key = `${file.kind}:${record.id}`;
    const earlier = seen.get(key);
    if (earlier) {
      report(file.path, '$.id', `duplicate ${file.kind} id "${record.id}" (also in ${earlier.file.path})`);
      continue;
    }
    seen.set(key, { file, id: record.id });
    const base = file.path.replace(/^.*\//, '').replace(/\.json$/, '');
    if (base !== record.id) report(file.path, '$.id', `id "${record.id}" does not match the file name "${base}.json"`);
    owner.set(record, file);
    if (file.kind === 'entity') entities.set(record.id, record as Entity);
    if (file.kind === 'note') notes.set(record.id, record as Note);
    if (file.kind === 'article') articles.set(record.id, record as Article);
  }
  const fileOf = (record: object): string => owner.get(record)!.path;

  // 4. Sources, facts and as-of dates (all kinds).
  const checkFacts = (record: { sources: Source[]; asOf: string; facts?: Fact[]; singleSource?: { sources: string[] } }) => {
    const file = fileOf(record);
    const ids = new Set<string>();
    record.sources.forEach((s, i) => {
      if (ids.has(s.id)) report(file, `$.sources[${i}].id`, `duplicate source id "${s.id}"`);
      ids.add(s.id);
    });
    const checkRefs = (refs: string[], path: string) =>
      refs.forEach((ref, i) => {
        if (!ids.has(ref)) report(file, `${path}[${i}]`, `unknown source "${ref}" (not in $.sources)`);
      });
    (record.facts ?? []).forEach((fact, i) => {
      checkRefs(fact.sources, `$.facts[${i}].sources`);
      if (fact.singleSource) checkRefs(fact.singleSource.sources, `$.facts[${i}].singleSource.sources`);
      const latest = fact.endDate ?? fact.date;
      if (fact.endDate && firstDay(fact.endDate) < firstDay(fact.date)) {
        report(file, `$.facts[${i}].endDate`, `endDate ${fact.endDate} is before date ${fact.date}`);
      }
      if (lastDay(record.asOf) < firstDay(latest)) {
        report(file, '$.asOf', `as-of date ${record.asOf} is earlier than fact $.facts[${i}] (${latest})`);
      }
    });
    if (record.singleSource) checkRefs(record.singleSource.sources, '$.singleSource.sources');
  };

  // 5. Entities: surface forms.
  const formOwners = new Map<string, { entity: Entity; index: number }[]>();
  for (const entity of entities.values()) {
    const file = fileOf(entity);
    checkFacts(entity);
    const texts = new Set(entity.surfaceForms.map((f) => f.text));
    entity.surfaceForms.forEach((form, i) => {
      const path = `$.surfaceForms[${i}]`;
      if (form.kind === 'variant' && !form.canonical) {
        report(file, `${path}.canonical`, `variant "${form.text}" must name its canonical form`);
      }
      if (form.canonical !== undefined && !texts.has(form.canonical)) {
        report(file, `${path}.canonical`, `canonical form "${form.canonical}" is not one of this entity's surface forms`);
      }
      if (form.canonical === form.text) report(file, `${path}.canonical`, 'a variant cannot be its own canonical form');
      if (form.validFrom && form.validTo && firstDay(form.validTo) < firstDay(form.validFrom)) {
        report(file, `${path}.validTo`, `validTo ${form.validTo} is before validFrom ${form.validFrom}`);
      }
      const text = normalizeText(form.text);
      if (text !== text.trim() || !isWordCode(text.charCodeAt(0))) {
        report(file, `${path}.text`, 'a surface form must start with a letter or digit and have no surrounding spaces');
      }
      const list = formOwners.get(text.toLowerCase()) ?? [];
      list.push({ entity, index: i });
      formOwners.set(text.toLowerCase(), list);
    });
  }
  // The same form for two entities must not apply on the same dates.
  for (const owners of formOwners.values()) {
    for (let a = 0; a < owners.length; a++) {
      for (let b = a + 1; b < owners.length; b++) {
        const fa = owners[a].entity.surfaceForms[owners[a].index];
        const fb = owners[b].entity.surfaceForms[owners[b].index];
        if (owners[a].entity === owners[b].entity) {
          if (fa.text === fb.text) report(fileOf(owners[b].entity), `$.surfaceForms[${owners[b].index}]`, `duplicate surface form "${fb.text}"`);
          continue;
        }
        const caseClash = fa.ignoreCase || fb.ignoreCase || normalizeText(fa.text) === normalizeText(fb.text);
        if (!caseClash) continue;
        const from = (f: typeof fa) => (f.validFrom ? firstDay(f.validFrom) : '0000-01-01');
        const to = (f: typeof fa) => (f.validTo ? lastDay(f.validTo) : '9999-12-31');
        const overlap = from(fa) <= to(fb) && from(fb) <= to(fa);
        if (overlap) {
          report(
            fileOf(owners[b].entity),
            `$.surfaceForms[${owners[b].index}]`,
            `form "${fb.text}" also names ${owners[a].entity.id} on overlapping dates: give both date ranges (validFrom/validTo) that do not overlap`,
          );
        }
      }
    }
  }

  // 6. Notes: references and selectors.
  const articlesByUrl = new Map([...articles.values()].map((a) => [a.url, a]));
  for (const note of notes.values()) {
    const file = fileOf(note);
    checkFacts(note);
    note.entities.forEach((id, i) => {
      if (!entities.has(id)) report(file, `$.entities[${i}]`, `unknown entity "${id}"`);
    });
    note.targets.forEach((target, t) => {
      const path = `$.targets[${t}]`;
      const article = articlesByUrl.get(target.source);
      if (!article) {
        report(file, `${path}.source`, `no article record has the URL ${target.source}`);
        return;
      }
      const text = input.articleTexts.get(article.id);
      if (text === undefined) return; // reported once, for the article
      const quote = target.selector[0];
      if (quote.type !== 'TextQuoteSelector') {
        report(file, `${path}.selector[0]`, 'the first selector must be a TextQuoteSelector');
        return;
      }
      const exact = normalizeText(quote.exact);
      const prefix = normalizeText(quote.prefix ?? '');
      const suffix = normalizeText(quote.suffix ?? '');
      const withContext = prefix + exact + suffix;
      let count = 0;
      let at = -1;
      for (let i = text.indexOf(withContext); i !== -1; i = text.indexOf(withContext, i + 1)) {
        count++;
        at = i + prefix.length;
      }
      if (count !== 1) {
        const bare = text.split(exact).length - 1;
        const why =
          bare === 0
            ? `quote "${quote.exact}" does not occur in the text of ${article.id}`
            : count === 0
              ? `quote "${quote.exact}" occurs ${bare} time(s) in ${article.id}, but never with this prefix/suffix`
              : `quote "${quote.exact}" with its prefix/suffix occurs ${count} times in ${article.id}: lengthen the prefix or suffix`;
        const near = bare > 0 ? matchQuote(text, exact, { prefix, suffix }) : null;
        const hint = near
          ? ` (text around it: prefix "${text.slice(Math.max(0, near.start - 32), near.start)}", suffix "${text.slice(near.end, near.end + 32)}")`
          : '';
        report(file, `${path}.selector[0]`, `${why}${hint}`);
        return;
      }
      const position = target.selector[1];
      if (position?.type === 'TextPositionSelector' && (position.start !== at || position.end !== at + exact.length)) {
        report(
          file,
          `${path}.selector[1]`,
          `position hint ${position.start}-${position.end} does not match the quote, which is at ${at}-${at + exact.length}`,
        );
      }
    });
  }

  // 7. Articles: references, mentions, notes.
  for (const article of articles.values()) {
    const file = fileOf(article);
    checkFacts(article);
    if (!entities.has(article.publisher)) report(file, '$.publisher', `unknown entity "${article.publisher}"`);
    article.notes.forEach((id, i) => {
      const note = notes.get(id);
      if (!note) report(file, `$.notes[${i}]`, `unknown note "${id}"`);
      else if (!note.targets.some((t) => t.source === article.url)) {
        report(file, `$.notes[${i}]`, `note "${id}" has no target in this article`);
      }
    });
    const text = input.articleTexts.get(article.id);
    if (text === undefined) {
      report(file, '$.id', `no bundled page copy for article "${article.id}" (expected tests/fixtures/${article.id}.html)`);
      continue;
    }
    article.fingerprints.forEach((quote, i) => {
      if (!text.includes(normalizeText(quote))) report(file, `$.fingerprints[${i}]`, `fingerprint "${quote}" does not occur in the article text`);
    });
    const pageDate = firstDay(article.published);
    const found = new Set(findMentions(text, createMentionMatcher([...entities.values()], pageDate)).map((m) => m.entityId));
    article.mentions.forEach((id, i) => {
      if (!entities.has(id)) report(file, `$.mentions[${i}]`, `unknown entity "${id}"`);
      else if (!found.has(id)) report(file, `$.mentions[${i}]`, `no surface form of "${id}" occurs in the article text (as of ${article.published})`);
    });
  }

  problems.push(...checkEvents(input.events, entities, notes, fileOf));
  return problems;
}
