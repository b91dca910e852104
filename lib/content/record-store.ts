/**
 * The records the page's cards show, as they arrive from the background: a
 * card's entity or note and what it lists with it, asked for the first time
 * that card is about to open (docs/decisions/0031-matching-in-the-background.md).
 * The one owner of them on the page; the set itself never comes here.
 */
import type { PageDataSource } from '../shared/analysis/page-data';
import type { SourceLookup } from '../shared/annotations/fact-sourcing';
import type { Entity, Note, Source } from '../shared/annotations/types';

export class RecordStore {
  private readonly entities = new Map<string, Entity>();
  private readonly notes = new Map<string, Note>();
  private readonly sources = new Map<string, Source>();

  constructor(private readonly data: Pick<PageDataSource, 'records'>) {}

  entity(id: string): Entity | null {
    return this.entities.get(id) ?? null;
  }

  note(id: string): Note | null {
    return this.notes.get(id) ?? null;
  }

  readonly source: SourceLookup = (id) => this.sources.get(id);

  /** Has the records of these entities and notes here; false when the background could not give them. */
  async load(entityIds: readonly string[], noteIds: readonly string[]): Promise<boolean> {
    const entities = entityIds.filter((id) => !this.entities.has(id));
    const notes = noteIds.filter((id) => !this.notes.has(id));
    if (entities.length === 0 && notes.length === 0) return true;
    const records = await this.data.records(entities, notes);
    if (!records) return false;
    for (const e of records.entities) this.entities.set(e.id, e);
    for (const n of records.notes) this.notes.set(n.id, n);
    for (const s of records.sources) this.sources.set(s.id, s);
    return entities.every((id) => this.entities.has(id)) && notes.every((id) => this.notes.has(id));
  }
}
