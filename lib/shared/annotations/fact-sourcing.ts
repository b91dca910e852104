/**
 * How solid a fact is, as the card and the timeline show it: how many
 * independent sources back it, and whether only official accounts do.
 *
 * Two pages count as one source when they carry the same wire story (same
 * `origin`) or come from the same publisher: a reader who follows both links
 * would find one account, not two.
 */
import type { Source } from './types';

export type SourceLookup = (id: string) => Source | undefined;

/** Lookup by id in the set's source register. */
export function registerLookup(sources: readonly Source[]): SourceLookup {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (id) => byId.get(id);
}

export interface FactSourcing {
  /** The cited sources, in the order the fact cites them (unknown ids skipped). */
  sources: Source[];
  /** Distinct accounts among them. */
  independent: number;
  /** Every source is a government, UN/IAEA-style official text or state media. */
  officialOnly: boolean;
}

const OFFICIAL_KINDS = new Set(['official', 'state-media']);

export function factSourcing(ids: readonly string[], lookup: SourceLookup): FactSourcing {
  const sources = ids.map(lookup).filter((source): source is Source => source !== undefined);
  const accounts = new Set(sources.map(accountOf));
  return {
    sources,
    independent: accounts.size,
    officialOnly: sources.length > 0 && sources.every((source) => source.kind !== undefined && OFFICIAL_KINDS.has(source.kind)),
  };
}

/** Who stands behind a page's account: the wire service it copies, else its publisher. */
export function accountOf(source: Source): string {
  return (source.origin ?? source.publisher).trim().toLowerCase();
}
