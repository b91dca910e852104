/**
 * The timeline's items: every dated fact of the owners in scope (entities
 * found on the page, the page's notes), in date order, with the facts that
 * describe one shared event (data/events.json) merged into one item that
 * names every entity the event concerns and counts the sources of all of
 * them.
 */
import { factSourcing, type FactSourcing, registerLookup, type SourceLookup } from '../../shared/annotations/fact-sourcing';
import type { AnnotationSet, EntityType, Fact, IsoDate, SharedEvent, SingleSourceCaveat, Source, TextDirection } from '../../shared/annotations/types';
import { compareSpans, precisionOf, type DatePrecision } from './date-precision';
import { compareNames } from '../../shared/compare-text';

export type OwnerKind = 'entity' | 'note';

/** An entry whose facts the timeline can show. */
export interface TimelineOwner {
  kind: OwnerKind;
  id: string;
  /** Entity name or note title. */
  name: string;
  facts: readonly Fact[];
  lookup: SourceLookup;
  /** Entities its facts concern: itself for an entity, the entities a note is about for a note. */
  concerns: readonly string[];
  lang?: string;
  dir?: TextDirection;
}

export interface TimelineEntity {
  id: string;
  name: string;
  type: EntityType;
  lang?: string;
  dir?: TextDirection;
}

/** One fact as its entry words it. */
export interface TimelineAccount {
  owner: { kind: OwnerKind; id: string; name: string };
  index: number;
  text: string;
}

/** A fact's sourcing without its list of sources (an item lists its sources once, in `sources`). */
export type ItemSourcing = Omit<FactSourcing, 'sources'>;

/** A dated item as the timeline and the print page show it. */
export interface TimelineItem {
  /** Event id, or `entity:<id>#<index>` / `note:<id>#<index>` for a fact of its own. */
  key: string;
  date: IsoDate;
  endDate?: IsoDate;
  precision: DatePrecision;
  /** The event's title, or the fact's text. */
  text: string;
  /** Set when the item is a shared event. */
  eventId?: string;
  /** Entities it concerns, in the order the event or owner lists them. */
  entities: string[];
  /** Sources of every account, one entry per distinct URL. */
  sources: Source[];
  /** How many independent accounts back it, and whether all are official (SourcingLabel). */
  sourcing: ItemSourcing;
  singleSource?: SingleSourceCaveat;
  lang?: string;
  dir?: TextDirection;
}

/**
 * An item with the wordings merged into it (one for a fact of its own): what
 * the builder makes. No page shows the accounts, so they stay here, where
 * the tests check the merging, and are not sent (page-timeline.ts).
 */
export interface MergedTimelineItem extends TimelineItem {
  accounts: TimelineAccount[];
}

export interface TimelineInput {
  /** Every entry with facts (events draw on members outside the scope for their sources). */
  owners: readonly TimelineOwner[];
  events: readonly SharedEvent[];
  /** Keys (`entity:<id>`, `note:<id>`) of the owners whose facts the timeline shows. */
  scope: ReadonlySet<string>;
}

export const ownerKey = (kind: OwnerKind, id: string): string => `${kind}:${id}`;

/** Owners and entity details for a whole annotation set, sources looked up in its register. */
export function setOwners(set: AnnotationSet): { owners: TimelineOwner[]; entities: Map<string, TimelineEntity> } {
  const lookup = registerLookup(set.sources);
  const owners: TimelineOwner[] = [
    ...set.entities.map((e): TimelineOwner => ({
      kind: 'entity',
      id: e.id,
      name: e.name,
      facts: e.facts,
      lookup,
      concerns: [e.id],
      lang: e.lang,
      dir: e.dir,
    })),
    ...set.notes.map((n): TimelineOwner => ({
      kind: 'note',
      id: n.id,
      name: n.title,
      facts: n.facts,
      lookup,
      concerns: n.entities,
      lang: n.lang,
      dir: n.dir,
    })),
  ];
  const entities = new Map(set.entities.map((e) => [e.id, { id: e.id, name: e.name, type: e.type, lang: e.lang, dir: e.dir }]));
  return { owners, entities };
}

interface Placed {
  owner: TimelineOwner;
  index: number;
  fact: Fact;
}

/** Sourcing of several facts from several entries: ids are qualified by owner so local ids cannot collide. */
function combinedSourcing(facts: readonly Placed[]): { sourcing: ItemSourcing; sources: Source[] } {
  const lookups = new Map<string, SourceLookup>();
  const ids: string[] = [];
  for (const { owner, fact } of facts) {
    const key = ownerKey(owner.kind, owner.id);
    lookups.set(key, owner.lookup);
    for (const id of fact.sources) ids.push(`${key}\u0000${id}`);
  }
  const sourcing = factSourcing(ids, (qualified) => {
    const cut = qualified.indexOf('\u0000');
    return lookups.get(qualified.slice(0, cut))?.(qualified.slice(cut + 1));
  });
  const byUrl = new Map<string, Source>();
  for (const source of sourcing.sources) if (!byUrl.has(source.url)) byUrl.set(source.url, source);
  return { sourcing: { independent: sourcing.independent, officialOnly: sourcing.officialOnly }, sources: [...byUrl.values()] };
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

export function buildTimeline({ owners, events, scope }: TimelineInput, entityIds: ReadonlySet<string>): MergedTimelineItem[] {
  // Each fact's event: its owner is a member and the dates are equal.
  const eventFacts = new Map<SharedEvent, Placed[]>();
  const eventOf = new Map<Fact, SharedEvent>();
  for (const event of events) {
    const members = new Set(event.members);
    const placed: Placed[] = [];
    for (const owner of owners) {
      if (!members.has(owner.id)) continue;
      owner.facts.forEach((fact, index) => {
        if (fact.date !== event.date || eventOf.has(fact)) return;
        eventOf.set(fact, event);
        placed.push({ owner, index, fact });
      });
    }
    eventFacts.set(event, placed);
  }

  const items: MergedTimelineItem[] = [];
  const shown = new Set<SharedEvent>();
  for (const owner of owners) {
    if (!scope.has(ownerKey(owner.kind, owner.id))) continue;
    owner.facts.forEach((fact, index) => {
      const event = eventOf.get(fact);
      if (event) {
        shown.add(event);
        return;
      }
      const { sourcing, sources } = combinedSourcing([{ owner, index, fact }]);
      items.push({
        key: `${ownerKey(owner.kind, owner.id)}#${index}`,
        date: fact.date,
        endDate: fact.endDate,
        precision: precisionOf(fact.date),
        text: fact.text,
        entities: owner.concerns.filter((id) => entityIds.has(id)),
        accounts: [{ owner: { kind: owner.kind, id: owner.id, name: owner.name }, index, text: fact.text }],
        sources,
        sourcing,
        singleSource: fact.singleSource,
        lang: owner.lang,
        dir: owner.dir,
      });
    });
  }
  for (const event of shown) {
    const facts = eventFacts.get(event)!;
    const { sourcing, sources } = combinedSourcing(facts);
    const members = event.members.filter((id) => entityIds.has(id));
    // An event only notes describe concerns what those notes are about.
    const entities = members.length > 0 ? members : unique(facts.flatMap((f) => f.owner.concerns)).filter((id) => entityIds.has(id));
    items.push({
      key: event.id,
      date: event.date,
      endDate: event.endDate,
      precision: precisionOf(event.date),
      text: event.title,
      eventId: event.id,
      entities,
      accounts: facts.map(({ owner, index, fact }) => ({ owner: { kind: owner.kind, id: owner.id, name: owner.name }, index, text: fact.text })),
      sources,
      sourcing,
      // The event rests on one unnamed source only if every account says so: one card's caveat about a detail is not the event's.
      singleSource: facts.every((f) => f.fact.singleSource) ? facts[0]?.fact.singleSource : undefined,
    });
  }
  return items.sort((a, b) => compareSpans(a, b) || compareNames(a.text, b.text));
}
