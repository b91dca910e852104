/**
 * What the data check reports: every problem names the file, the JSON path
 * and the reason, so a maintainer can go straight to it.
 */
export type DataKind = 'entity' | 'note' | 'article' | 'sources' | 'policy' | 'set';

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

export type Report = (file: string, path: string, reason: string) => void;

export function formatProblem(p: DataProblem): string {
  return `${p.file} ${p.path}: ${p.reason}`;
}
