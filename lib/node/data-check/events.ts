/**
 * The data check's rule for shared events (data/events.json): one event is
 * described once in the timeline, so the data must say which facts of
 * different entries describe the same event.
 *
 * - Two facts of different entries on the same day (day precision) must
 *   share an event, or each belong to one (a one-member event says "this is
 *   its own event, not the other one of that day").
 * - A fact of a member within three days of the event's date, not on it
 *   and in no other event, whose text shares the event's key words, is the
 *   same event given another date: one of the two dates is wrong.
 *
 * Entity and note ids live in separate namespaces; a member id names both
 * when both exist, which is what an editor listing it means.
 */
import Ajv from 'ajv';
import commonSchema from '../../../data/schema/common.schema.json';
import eventsSchema from '../../../data/schema/events.schema.json';
import { firstDay } from '../../shared/mentions/active-forms';
import type { Entity, Fact, Note, SharedEvent } from '../../shared/annotations/types';
import type { DataProblem } from './problems';

export const EVENTS_FILE = 'data/events.json';

export interface EventsFile {
  path: string;
  json: unknown;
}

/** How near (in days) a member's fact must be to an event to count as the same event misdated. */
export const NEAR_DAYS = 3;

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(commonSchema);
const validate = ajv.compile(eventsSchema);

/** A fact with where it lives. */
export interface OwnedFact {
  kind: 'entity' | 'note';
  ownerId: string;
  file: string;
  index: number;
  fact: Fact;
}

const isDay = (date: string): boolean => date.length === 10;

function dayNumber(date: string): number {
  return Date.parse(`${firstDay(date)}T00:00:00Z`) / 86_400_000;
}

const STOP_WORDS = new Set(
  'about after against also among and before between both from have into its over said that their them then there they this under were what when which while with would first second third fourth fifth sixth round talks'.split(' '),
);

/** Words of a title that pick out its event ("Snapback", "Muscat", "Fordow"): four letters or more, no filler. */
export function keyWords(title: string): string[] {
  const words = title.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 4 && !STOP_WORDS.has(w)))];
}

/** Does `text` carry enough of the key words to be about the same event? Half of them, and at least two. */
export function sharesKeyWords(text: string, keys: readonly string[]): boolean {
  if (keys.length === 0) return false;
  const words = new Set(text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []);
  const shared = keys.filter((k) => words.has(k)).length;
  return shared >= Math.min(keys.length, Math.max(2, Math.ceil(keys.length / 2)));
}

export function checkEvents(
  file: EventsFile | undefined,
  entities: ReadonlyMap<string, Entity>,
  notes: ReadonlyMap<string, Note>,
  fileOf: (record: object) => string,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const path = file?.path ?? EVENTS_FILE;
  const report = (at: string, jsonPath: string, reason: string) => problems.push({ file: at, path: jsonPath, reason });

  let events: SharedEvent[] = [];
  if (file) {
    if (validate(file.json)) {
      events = (file.json as { events: SharedEvent[] }).events;
    } else {
      for (const error of validate.errors ?? []) {
        report(path, `$${error.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`, error.message ?? error.keyword);
      }
      return problems;
    }
  }

  const facts: OwnedFact[] = [];
  for (const entity of entities.values()) {
    entity.facts.forEach((fact, index) => facts.push({ kind: 'entity', ownerId: entity.id, file: fileOf(entity), index, fact }));
  }
  for (const note of notes.values()) {
    note.facts.forEach((fact, index) => facts.push({ kind: 'note', ownerId: note.id, file: fileOf(note), index, fact }));
  }

  // Which event each fact belongs to.
  const eventOf = new Map<OwnedFact, SharedEvent>();
  const ids = new Set<string>();
  events.forEach((event, e) => {
    const at = `$.events[${e}]`;
    if (ids.has(event.id)) report(path, `${at}.id`, `duplicate event id "${event.id}"`);
    ids.add(event.id);
    if (event.endDate && firstDay(event.endDate) < firstDay(event.date)) {
      report(path, `${at}.endDate`, `endDate ${event.endDate} is before date ${event.date}`);
    }
    event.members.forEach((member, m) => {
      if (!entities.has(member) && !notes.has(member)) {
        report(path, `${at}.members[${m}]`, `unknown entity or note "${member}"`);
        return;
      }
      const own = facts.filter((f) => f.ownerId === member && f.fact.date === event.date);
      if (own.length === 0) {
        report(path, `${at}.members[${m}]`, `"${member}" has no fact dated ${event.date}: was a date changed? update the event or its members`);
      }
      for (const f of own) {
        const earlier = eventOf.get(f);
        if (earlier) {
          report(path, `${at}.members[${m}]`, `${f.file} $.facts[${f.index}] already belongs to event "${earlier.id}": a fact describes one event`);
        } else {
          eventOf.set(f, event);
        }
      }
    });
  });

  // Two entries, one day, no event that says whether they describe one thing.
  const byDay = new Map<string, OwnedFact[]>();
  for (const f of facts) {
    if (!isDay(f.fact.date)) continue;
    const list = byDay.get(f.fact.date) ?? [];
    list.push(f);
    byDay.set(f.fact.date, list);
  }
  for (const [day, list] of byDay) {
    for (const f of list) {
      if (eventOf.has(f)) continue;
      const other = list.find((g) => g.ownerId !== f.ownerId || g.kind !== f.kind);
      if (!other) continue;
      report(
        f.file,
        `$.facts[${f.index}].date`,
        `one event described in two places: add it to ${EVENTS_FILE} (${day} is also the date of ${other.file} $.facts[${other.index}])`,
      );
    }
  }

  // One event, two dates.
  for (const event of events) {
    if (!isDay(event.date)) continue;
    const keys = keyWords(event.title);
    const day = dayNumber(event.date);
    for (const f of facts) {
      if (!event.members.includes(f.ownerId) || f.fact.date === event.date || !isDay(f.fact.date)) continue;
      // A fact the editor has put in another event was judged a different event already.
      if (eventOf.has(f)) continue;
      if (Math.abs(dayNumber(f.fact.date) - day) > NEAR_DAYS) continue;
      if (!sharesKeyWords(f.fact.text, keys)) continue;
      report(
        f.file,
        `$.facts[${f.index}].date`,
        `one event with two dates: this fact (${f.fact.date}) reads like event "${event.id}" of ${event.date} in ${EVENTS_FILE}; correct whichever date is wrong`,
      );
    }
  }
  return problems;
}
