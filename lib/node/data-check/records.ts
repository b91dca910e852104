/**
 * Rule 3 and the records every later rule reads: ids are unique per kind and
 * match their file names; the register, policy and set file are found.
 */
import type { Article, Entity, Fact, Note, Source } from '../../shared/annotations/types';
import type { DataFile, Report } from './problems';

export interface SourcePolicy {
  refused: { domain: string; reason: string }[];
  kinds: Partial<Record<string, string[]>>;
}

export interface Records {
  entities: Map<string, Entity>;
  notes: Map<string, Note>;
  articles: Map<string, Article>;
  /** Register entries by id, and the file they came from. */
  sources: Map<string, Source>;
  registerFile: string;
  policy: SourcePolicy;
  policyFile: string;
  /** data/set.json's checkedTo, or null when that file is missing or invalid. */
  checkedTo: string | null;
  setFile: string;
  /** The file each entity, note or article came from. */
  fileOf: (record: object) => string;
}

export function collectRecords(valid: readonly DataFile[], report: Report): Records {
  const owner = new Map<object, string>();
  const records: Records = {
    entities: new Map(),
    notes: new Map(),
    articles: new Map(),
    sources: new Map(),
    registerFile: 'data/sources.json',
    policy: { refused: [], kinds: {} },
    policyFile: 'data/source-policy.json',
    checkedTo: null,
    setFile: 'data/set.json',
    fileOf: (record) => owner.get(record) ?? '(unknown file)',
  };
  const seen = new Map<string, string>();
  for (const file of valid) {
    if (file.kind === 'sources') {
      records.registerFile = file.path;
      (file.json as { sources: Source[] }).sources.forEach((source, i) => {
        if (records.sources.has(source.id)) report(file.path, `$.sources[${i}].id`, `duplicate source id "${source.id}"`);
        else records.sources.set(source.id, source);
      });
      continue;
    }
    if (file.kind === 'policy') {
      records.policyFile = file.path;
      records.policy = file.json as SourcePolicy;
      continue;
    }
    if (file.kind === 'set') {
      records.setFile = file.path;
      records.checkedTo = (file.json as { checkedTo: string }).checkedTo;
      continue;
    }
    const record = file.json as { id: string };
    const key = `${file.kind}:${record.id}`;
    const earlier = seen.get(key);
    if (earlier) {
      report(file.path, '$.id', `duplicate ${file.kind} id "${record.id}" (also in ${earlier})`);
      continue;
    }
    seen.set(key, file.path);
    const base = file.path.replace(/^.*\//, '').replace(/\.json$/, '');
    if (base !== record.id) report(file.path, '$.id', `id "${record.id}" does not match the file name "${base}.json"`);
    owner.set(record, file.path);
    if (file.kind === 'entity') records.entities.set(record.id, record as Entity);
    if (file.kind === 'note') records.notes.set(record.id, record as Note);
    if (file.kind === 'article') records.articles.set(record.id, record as Article);
  }
  return records;
}

/** An entry's dated facts (article records have none). */
export function factsOf(entry: Entity | Note | Article): Fact[] {
  return 'facts' in entry ? entry.facts : [];
}
