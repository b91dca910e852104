import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvents, keyWords, sharesKeyWords } from '../../lib/node/data-check/events';
import { loadAnnotationSet } from '../../lib/node/data-check/load-files';
import type { Entity, Fact, Note } from '../../lib/shared/annotations/types';


function entity(id: string, facts: Fact[]): Entity {
  return { id, name: id, type: 'place', surfaceForms: [], description: '', facts, sources: ['s'], asOf: '2026-01-01' };
}

function note(id: string, facts: Fact[]): Note {
  return { id, title: id, body: ['x'], period: 'background', sources: ['s'], entities: [], targets: [], facts, asOf: '2026-01-01' };
}

const fact = (date: string, text: string): Fact => ({ date, text, sources: ['s'] });

function run(events: unknown[] | null, entities: Entity[], notes: Note[] = []) {
  const files = new Map<object, string>([
    ...entities.map((e): [object, string] => [e, `data/entities/${e.id}.json`]),
    ...notes.map((n): [object, string] => [n, `data/notes/${n.id}.json`]),
  ]);
  return checkEvents(
    events === null ? undefined : { path: 'data/events.json', json: { events } },
    new Map(entities.map((e) => [e.id, e])),
    new Map(notes.map((n) => [n.id, n])),
    (record) => files.get(record)!,
  );
}

const muscat = entity('muscat', [fact('2025-04-12', 'First round of US-Iran talks in Muscat.')]);
const oman = entity('oman', [fact('2025-04-12', 'Oman mediated the first round of talks.')]);

describe('shared events in the data check', () => {
  it('fails two entries that date a fact on the same day with no event, naming file, path and reason', () => {
    const problems = run([], [muscat, oman]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toEqual({
      file: 'data/entities/muscat.json',
      path: '$.facts[0].date',
      reason: 'one event described in two places: add it to data/events.json (2025-04-12 is also the date of data/entities/oman.json $.facts[0])',
    });
  });

  it('passes once an event covers both, or each is declared its own event', () => {
    expect(run([{ id: 'first-round', date: '2025-04-12', title: 'First round in Muscat', members: ['muscat', 'oman'] }], [muscat, oman])).toEqual([]);
    expect(
      run(
        [
          { id: 'a', date: '2025-04-12', title: 'A', members: ['muscat'] },
          { id: 'b', date: '2025-04-12', title: 'B', members: ['oman'] },
        ],
        [muscat, oman],
      ),
    ).toEqual([]);
  });

  it('treats an entity and a note with one id as two entries, and one member id as both', () => {
    const entry = entity('sco', [fact('2023-07-04', 'Iran joined the SCO.')]);
    const sameId = note('sco', [fact('2023-07-04', 'Iran joined the Shanghai Cooperation Organisation.')]);
    expect(run([], [entry], [sameId])).toHaveLength(2);
    expect(run([{ id: 'sco-entry', date: '2023-07-04', title: 'Iran joins the SCO', members: ['sco'] }], [entry], [sameId])).toEqual([]);
  });

  it('ignores month and year dates, which do not name one day', () => {
    expect(run([], [entity('a', [fact('2025-04', 'x')]), entity('b', [fact('2025-04', 'y')])])).toEqual([]);
  });

  it('fails one event given two dates: a member’s fact days away that reads like it', () => {
    const misdated = entity('rome', [fact('2025-04-20', 'Second round of US-Iran talks at the Omani embassy in Rome.')]);
    const problems = run(
      [{ id: 'second-round', date: '2025-04-19', title: 'Second round of talks at the Omani embassy in Rome', members: ['rome', 'italy'] }],
      [misdated, entity('italy', [fact('2025-04-19', 'Rome hosted the second round.')])],
    );
    // The member with no fact on the event's day is reported too: that is the same mistake seen from the event.
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(
      {
        file: 'data/entities/rome.json',
        path: '$.facts[0].date',
        reason:
          'one event with two dates: this fact (2025-04-20) reads like event "second-round" of 2025-04-19 in data/events.json; correct whichever date is wrong',
      },
    );
  });

  it('does not confuse a different event a few days away', () => {
    const rome = entity('rome', [fact('2025-04-19', 'Second round in Rome.'), fact('2025-04-21', 'A papal funeral was announced.')]);
    expect(run([{ id: 'second-round', date: '2025-04-19', title: 'Second round of talks at the Omani embassy in Rome', members: ['rome'] }], [rome])).toEqual([]);
  });

  it('fails events whose members are unknown, have no fact that day, or claim a fact twice', () => {
    const problems = run(
      [
        { id: 'x', date: '2025-04-12', title: 'X', members: ['muscat', 'nowhere'] },
        { id: 'y', date: '2025-04-13', title: 'Y', members: ['oman'] },
        { id: 'x', date: '2025-04-12', title: 'Z', members: ['muscat'] },
      ],
      [muscat, oman],
    ).map((p) => `${p.path}: ${p.reason}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.events[0].members[1]: unknown entity or note "nowhere"',
        '$.events[1].members[0]: "oman" has no fact dated 2025-04-13: was a date changed? update the event or its members',
        '$.events[2].id: duplicate event id "x"',
        '$.events[2].members[0]: data/entities/muscat.json $.facts[0] already belongs to event "x": a fact describes one event',
      ]),
    );
  });

  it('checks the file against its schema', () => {
    const problems = run([{ id: 'Bad Id', date: '25 April', title: '', members: [] }], []);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.events[0].id', '$.events[0].date', '$.events[0].title', '$.events[0].members']));
  });

  it('picks key words a title is known by', () => {
    expect(keyWords('Second round of talks at the Omani embassy in Rome')).toEqual(['omani', 'embassy', 'rome']);
    expect(sharesKeyWords('Talks in Rome at the embassy', ['omani', 'embassy', 'rome'])).toBe(true);
    expect(sharesKeyWords('A funeral in Rome', ['omani', 'embassy', 'rome'])).toBe(false);
  });

  it('passes on the bundled data, with data/events.json loaded into the set', () => {
    const { set, problems } = loadAnnotationSet(resolve(import.meta.dirname, '../..'));
    expect(problems).toEqual([]);
    expect(set.events?.length).toBeGreaterThan(40);
  });
});
