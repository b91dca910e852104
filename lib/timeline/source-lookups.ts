/** Where a fact's source ids are looked up: the set's one source register. */
import type { SourceLookup } from '../annotations/fact-sourcing';
import type { Source } from '../annotations/types';

export function registerLookup(sources: readonly Source[]): SourceLookup {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (id) => byId.get(id);
}
