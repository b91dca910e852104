import { describe, expect, it } from 'vitest';
import type { AnnotationSet, Entity, Fact, Note, SharedEvent, Source } from '../../lib/shared/annotations/types';
import { buildTimeline, ownerKey, setOwners } from '../../lib/extension/timeline/build-timeline';
import { compareSpans, precisionOf, startsAfter } from '../../lib/extension/timeline/date-precision';
import { filterTimeline, NO_FILTER, typesIn } from '../../lib/extension/timeline/filter-timeline';
import { groupTimeline } from '../../lib/extension/timeline/group-timeline';
import { pageTimeline } from '../../lib/extension/timeline/page-timeline';
import { annotationSet } from '../support/bundled-data';
import { articleReport } from '../support/page-report';

const src = (id: string, publisher: string, extra: Partial<Source> = {}): Source => ({
  id,
  title: `${publisher} story`,
  publisher,
  url: `https://${publisher.toLowerCase().replace(/\W/g, '')}.example/${id}`,
  ...extra,
});

/** Every source the fixtures cite: the set's register. */
const register: Source[] = [];

function entity(id: string, type: Entity['type'], facts: Fact[], sources: Source[]): Entity {
  register.push(...sources);
  return { id, name: id.toUpperCase(), type, surfaceForms: [], description: '', facts, sources: sources.map((s) => s.id), asOf: '2026-06-01' };
}

function note(id: string, entities: string[], facts: Fact[], sources: Source[]): Note {
  register.push(...sources);
  return { id, title: `Note ${id}`, body: ['x'], period: 'background', sources: sources.map((s) => s.id), entities, targets: [], facts, asOf: '2026-06-01' };
}

const xi = entity(
  'xi',
  'person',
  [
    { date: '2016-01-23', text: 'Visited Tehran and met the Leader.', sources: ['reuters'] },
    { date: '2013', text: 'Became president.', sources: ['ap'] },
  ],
  [src('reuters', 'Reuters', { kind: 'wire' }), src('ap', 'AP copy', { origin: 'AP' })],
);
const tehran = entity(
  'tehran',
  'place',
  [{ date: '2016-01-23', text: 'Hosted the Chinese president.', sources: ['irna'] }, { date: '2025-06', text: 'Struck in June.', sources: ['irna'] }],
  [src('irna', 'IRNA', { kind: 'state-media' })],
);
const visitNote = note(
  'visit',
  ['xi', 'tehran'],
  [
    { date: '2016-01-23', text: 'Xi came to Tehran.', sources: ['guardian'] },
    { date: '2025-04-22', text: 'The article appeared.', sources: ['guardian'] },
  ],
  [src('guardian', 'Guardian', { kind: 'news' })],
);
const visit: SharedEvent = { id: 'xi-visit', date: '2016-01-23', title: 'Xi Jinping visits Tehran', members: ['xi', 'tehran', 'visit'] };
const set: AnnotationSet = { entities: [xi, tehran], notes: [visitNote], articles: [], events: [visit], sources: register, checkedTo: '2026-07-01' };

function timeline(scope: string[], events: SharedEvent[] = [visit]) {
  const { owners, entities } = setOwners(set);
  return buildTimeline({ owners, events, scope: new Set(scope) }, new Set(entities.keys()));
}

describe('date precision and order', () => {
  it('knows a year, a month and a day apart', () => {
    expect(['2013', '2025-06', '2025-04-22'].map(precisionOf)).toEqual(['year', 'month', 'day']);
  });

  it('orders by start; on the same start the coarser date first, a day before a period starting on it', () => {
    const spans = [
      { date: '2025-04-22' },
      { date: '2025-04-12', endDate: '2025-05-23' },
      { date: '2025' },
      { date: '2025-04' },
      { date: '2025-04-12' },
      { date: '2024-12-31' },
    ];
    expect([...spans].sort(compareSpans)).toEqual([
      { date: '2024-12-31' },
      { date: '2025' },
      { date: '2025-04' },
      { date: '2025-04-12' },
      { date: '2025-04-12', endDate: '2025-05-23' },
      { date: '2025-04-22' },
    ]);
  });

  it('counts a month or year that holds the day as not after it', () => {
    expect(startsAfter('2025-04', '2025-04-22')).toBe(false);
    expect(startsAfter('2025', '2025-04-22')).toBe(false);
    expect(startsAfter('2025-04-23', '2025-04-22')).toBe(true);
    expect(startsAfter('2025-05', '2025-04-22')).toBe(true);
  });
});

describe('merging facts into one timeline', () => {
  it('shows an event described by three entries once, with every member entity and all their sources', () => {
    const items = timeline([ownerKey('entity', 'xi'), ownerKey('entity', 'tehran'), ownerKey('note', 'visit')]);
    const visits = items.filter((i) => i.date === '2016-01-23');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ text: 'Xi Jinping visits Tehran', eventId: 'xi-visit', entities: ['xi', 'tehran'], precision: 'day' });
    expect(visits[0].accounts.map((a) => a.text)).toEqual([
      'Visited Tehran and met the Leader.',
      'Hosted the Chinese president.',
      'Xi came to Tehran.',
    ]);
    expect(visits[0].sourcing.independent).toBe(3);
    expect(visits[0].sources.map((s) => s.publisher)).toEqual(['Reuters', 'IRNA', 'Guardian']);
  });

  it('without the event, the same day shows each entry’s fact apart', () => {
    const items = timeline([ownerKey('entity', 'xi'), ownerKey('entity', 'tehran')], []);
    expect(items.filter((i) => i.date === '2016-01-23').map((i) => i.text)).toEqual([
      'Hosted the Chinese president.',
      'Visited Tehran and met the Leader.',
    ]);
  });

  it('shows an event when one member is in scope, still naming members that are not', () => {
    const items = timeline([ownerKey('entity', 'tehran')]);
    expect(items.map((i) => i.text)).toEqual(['Xi Jinping visits Tehran', 'Struck in June.']);
    expect(items[0].entities).toEqual(['xi', 'tehran']);
    expect(items[0].sourcing.independent).toBe(3);
  });

  it('puts every fact in date order across entries, with its own sourcing', () => {
    const items = timeline([ownerKey('entity', 'xi'), ownerKey('entity', 'tehran'), ownerKey('note', 'visit')]);
    expect(items.map((i) => i.date)).toEqual(['2013', '2016-01-23', '2025-04-22', '2025-06']);
    const official = items.find((i) => i.date === '2025-06')!;
    expect(official.sourcing).toMatchObject({ independent: 1, officialOnly: true });
    expect(items.find((i) => i.date === '2025-04-22')!.entities).toEqual(['xi', 'tehran']);
  });

  it('an owner out of scope adds nothing of its own', () => {
    expect(timeline([ownerKey('entity', 'xi')]).map((i) => i.text)).toEqual(['Became president.', 'Xi Jinping visits Tehran']);
  });
});

describe('grouping and filters', () => {
  const items = timeline([ownerKey('entity', 'xi'), ownerKey('entity', 'tehran'), ownerKey('note', 'visit')]);
  const { entities } = setOwners(set);

  it('groups by year and sets apart what came after the marked day', () => {
    const grouped = groupTimeline(items, '2025-04-22');
    expect(grouped.before.map((g) => [g.year, g.items.length])).toEqual([
      ['2013', 1],
      ['2016', 1],
      ['2025', 1],
    ]);
    expect(grouped.after.map((g) => [g.year, g.items.map((i) => i.text)])).toEqual([['2025', ['Struck in June.']]]);
  });

  it('with no date for the page, nothing is set apart', () => {
    expect(groupTimeline(items, null).after).toEqual([]);
  });

  it('filters by one entity or by type, events matching through any member', () => {
    expect(filterTimeline(items, { entity: 'tehran', type: null }, entities).map((i) => i.text)).toEqual([
      'Xi Jinping visits Tehran',
      'The article appeared.',
      'Struck in June.',
    ]);
    expect(filterTimeline(items, { entity: null, type: 'person' }, entities).map((i) => i.text)).toEqual([
      'Became president.',
      'Xi Jinping visits Tehran',
      'The article appeared.',
    ]);
    expect(filterTimeline(items, NO_FILTER, entities)).toHaveLength(items.length);
    expect(typesIn(items, entities).sort()).toEqual(['person', 'place']);
  });
});

describe('the article’s timeline from the real data', () => {
  const report = articleReport();
  const { items, markDay } = pageTimeline(annotationSet, { ...report, pageDate: '2025-04-22' });

  it('calls an event single-sourced only when every account of it is', () => {
    // The builder's own items carry the accounts merged into each (pages are not sent them).
    const { owners, entities } = setOwners(annotationSet);
    const scope = new Set([...report.entities.map((e) => ownerKey('entity', e.id)), ...report.notes.map((n) => ownerKey('note', n.id))]);
    const merged = buildTimeline({ owners, events: annotationSet.events ?? [], scope }, new Set(entities.keys()));
    expect(merged.map(({ accounts, ...item }) => item)).toEqual(items);
    const scoop = merged.find((i) => i.eventId === 'iran-international-letter-report')!;
    expect(scoop.accounts.length).toBeGreaterThan(1);
    expect(scoop.singleSource?.claim).toContain('Iran International');
    // One card's caveat (about the letter) does not make the Beijing talks single-sourced.
    const talks = merged.find((i) => i.eventId === 'araghchi-in-beijing')!;
    expect(talks.accounts.some((a) => a.owner.id === 'abbas-araghchi')).toBe(true);
    expect(talks.singleSource).toBeUndefined();
  });

  it('is marked at the article’s date and shows the 2016 visit once', () => {
    expect(markDay).toBe('2025-04-22');
    expect(items.filter((i) => i.date === '2016-01-23')).toHaveLength(1);
    const keys = items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(items.map((i) => i.date)).toEqual([...items].sort(compareSpans).map((i) => i.date));
  });
});
