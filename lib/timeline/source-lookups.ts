/**
 * Where a fact's source ids are looked up. Today each entry lists its own
 * sources; once the set has one source register, the same SourceLookup
 * type is built from it and nothing downstream changes.
 */
import type { SourceLookup } from '../annotations/fact-sourcing';
import type { Source } from '../annotations/types';

export function entryLookup(entry: { sources: readonly Source[] }): SourceLookup {
  const byId = new Map(entry.sources.map((s) => [s.id, s]));
  return (id) => byId.get(id);
}
