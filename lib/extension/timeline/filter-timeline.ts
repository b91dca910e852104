/**
 * The reader's filters: one entity, or one type of entity. Both are
 * matched against the entities an item concerns, so an event shared by
 * Xi Jinping and Tehran shows under either.
 */
import type { EntityType } from '../../shared/annotations/types';
import type { TimelineEntity, TimelineItem } from './build-timeline';

export interface TimelineFilter {
  /** An entity id, or null for every entity in scope. */
  entity: string | null;
  type: EntityType | null;
}

export const NO_FILTER: TimelineFilter = { entity: null, type: null };

export function filterTimeline(
  items: readonly TimelineItem[],
  filter: TimelineFilter,
  entities: ReadonlyMap<string, TimelineEntity>,
): TimelineItem[] {
  return items.filter(
    (item) =>
      (filter.entity === null || item.entities.includes(filter.entity)) &&
      (filter.type === null || item.entities.some((id) => entities.get(id)?.type === filter.type)),
  );
}

/** The types that at least one item concerns: the type filter offers no empty choice. */
export function typesIn(items: readonly TimelineItem[], entities: ReadonlyMap<string, TimelineEntity>): EntityType[] {
  const types = new Set<EntityType>();
  for (const item of items) for (const id of item.entities) {
    const type = entities.get(id)?.type;
    if (type) types.add(type);
  }
  return [...types];
}
