import { describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/shared/annotations/types';
import { annotationDataScript, bundledAnnotationSet, DATA_GLOBAL } from '../../lib/shared/annotations/bundled-set';
import { compileEntityForms, entityMatcher } from '../../lib/shared/mentions/entity-forms';
import { createMentionMatcher, findMentions } from '../../lib/shared/mentions/find-mentions';
import { findArticleRoot } from '../../lib/content/page/find-article-root';
import { buildTextIndex } from '../../lib/content/text-index';
import { findAllMatches, SurfaceFormMatcher } from '../../lib/shared/mentions/surface-form-matcher';
import { lowerCaseSameLength } from '../../lib/shared/text/word-chars';
import { normalizeText } from '../../lib/shared/text/normalize';
import { annotationSet, article, loadArticlePage } from '../support/bundled-data';

function entity(id: string, forms: Entity['surfaceForms']): Entity {
  return { id, name: id, type: 'person', surfaceForms: forms, description: 'd', facts: [], sources: [], asOf: '2025' };
}

const people = [
  entity('ali-khamenei', [
    { text: 'Supreme Leader Ayatollah Ali Khamenei', kind: 'name' },
    { text: 'Ali Khamenei', kind: 'name' },
    { text: 'Khamenei', kind: 'name' },
    { text: 'Supreme Leader', kind: 'title', ignoreCase: true, validFrom: '1989-06-04', validTo: '2026-02-28' },
  ]),
  entity('mojtaba-khamenei', [{ text: 'Supreme Leader', kind: 'title', ignoreCase: true, validFrom: '2026-03-09' }]),
  entity('xi-jinping', [{ text: 'Xi', kind: 'name' }, { text: 'Xi Jinping', kind: 'name' }]),
];

const found = (text: string, date: string | null = '2025-04-22') =>
  findMentions(normalizeText(text), createMentionMatcher(people, date)).map((m) => [
    m.entityId,
    normalizeText(text).slice(m.start, m.end),
  ]);

describe('surface form matcher', () => {
  it('prefers the longest form: one mention, not three', () => {
    expect(found('Supreme Leader Ayatollah Ali Khamenei, right, meets')).toEqual([
      ['ali-khamenei', 'Supreme Leader Ayatollah Ali Khamenei'],
    ]);
  });

  it('matches on word boundaries only', () => {
    expect(found('Xinhai and Xiamen, but Xi and Xi’s')).toEqual([
      ['xi-jinping', 'Xi'],
      ['xi-jinping', 'Xi'],
    ]);
    expect(found('Khameneism')).toEqual([]);
  });

  it('finds possessives with curly and straight apostrophes', () => {
    expect(found('Ali Khamenei’s letter and Khamenei\'s message')).toEqual([
      ['ali-khamenei', 'Ali Khamenei'],
      ['ali-khamenei', 'Khamenei'],
    ]);
  });

  it('respects letter case unless a form ignores it', () => {
    const matcher = SurfaceFormMatcher.of([
      { text: 'US', ignoreCase: false, value: 'us' },
      { text: 'supreme leader', ignoreCase: true, value: 'sl' },
    ]);
    expect(findAllMatches(matcher, 'the us and the US; the Supreme Leader').map((m) => m.value)).toEqual(['us', 'sl']);
  });

  it('resolves forms whose owner changed by the page date, and skips them when the date is unknown', () => {
    expect(found('the Supreme Leader said', '2025-04-22')).toEqual([['ali-khamenei', 'Supreme Leader']]);
    expect(found('the Supreme Leader said', '2026-06-01')).toEqual([['mojtaba-khamenei', 'Supreme Leader']]);
    expect(found('the Supreme Leader said', '2026-03-03')).toEqual([]);
    expect(found('the Supreme Leader said', null)).toEqual([]);
    expect(found('Khamenei said', null)).toEqual([['ali-khamenei', 'Khamenei']]);
  });

  it('finds forms that share beginnings, inserted in any order (the tree splits its edges)', () => {
    const forms = ['Iran International', 'Ira', 'Iranian', 'Iran', 'Iran-China', 'I', 'International Atomic Energy Agency'];
    const text = 'I read Iran International on Iranian oil, Iran-China ties, Iran and Ira near the International Atomic Energy Agency.';
    const expected = [
      [0, 'I'],
      [7, 'Iran International'],
      [29, 'Iranian'],
      [42, 'Iran-China'],
      [59, 'Iran'],
      [68, 'Ira'],
      [81, 'International Atomic Energy Agency'],
    ];
    for (const order of [forms, [...forms].reverse(), [...forms].sort()]) {
      const matcher = SurfaceFormMatcher.of(order.map((form) => ({ text: form, ignoreCase: false, value: form })));
      expect(findAllMatches(matcher, text).map((m) => [m.start, m.value]), order.join('|')).toEqual(expected);
    }
  });

  it('starts a match after any non-word character, and never after a letter of any script', () => {
    const matcher = SurfaceFormMatcher.of([
      { text: 'China', ignoreCase: false, value: 'china' },
      { text: 'supreme leader', ignoreCase: true, value: 'leader' },
    ]);
    const text = 'Iran—China, Iran-China, «China», éChina, дChina, 2China, the Supreme Leader, SUPREME LEADER, xsupreme leader';
    expect(findAllMatches(matcher, text).map((m) => text.slice(m.start, m.end))).toEqual([
      'China',
      'China',
      'China',
      'Supreme Leader',
      'SUPREME LEADER',
    ]);
  });

  it('gives the same result when the text is scanned in chunks', () => {
    const text = normalizeText('Xi Jinping met Ali Khamenei. '.repeat(200));
    const matcher = createMentionMatcher(people, '2025-04-22');
    const whole = findAllMatches(matcher, text);
    const lowered = lowerCaseSameLength(text);
    for (const size of [1, 2, 5, 37, 1000]) {
      const chunked: [number, number][] = [];
      for (let from = 0; from < text.length; ) {
        from = matcher.forEachMatch(text, from, Math.min(text.length, from + size), lowered, (start, end) => chunked.push([start, end]));
      }
      expect(chunked, `chunks of ${size}`).toEqual(whole.map((m) => [m.start, m.end]));
    }
    expect(whole).toHaveLength(400);
  });

  it('finds no entity inside another entity’s longer name in the real data', () => {
    const matcher = createMentionMatcher(annotationSet.entities, '2025-04-22');
    const text = normalizeText('Foreign Minister Abbas Araghchi met China’s Foreign Minister Wang Yi in Beijing.');
    const ids = findAllMatches(matcher, text).map((m) => m.value.entity.id);
    expect(ids).toEqual(['abbas-araghchi', 'wang-yi', 'beijing']);
  });

  it('gives way to the longest form still shown when an entity type is turned off', () => {
    const iranIntl = { ...entity('iran-international', [{ text: 'Iran International', kind: 'name' }]), type: 'organization' as const };
    const iran = { ...entity('iran', [{ text: 'Iran', kind: 'name' }]), type: 'place' as const };
    const entities = [iranIntl, iran];
    const index = compileEntityForms(entities);
    const text = 'Iran International reported that Iran';
    const ids = (include: (e: Entity) => boolean) =>
      findAllMatches(entityMatcher(entities, index, '2025-04-22', include), text).map((m) => [m.start, m.end, m.value.entity.id]);
    expect(ids(() => true)).toEqual([[0, 18, 'iran-international'], [33, 37, 'iran']]);
    expect(ids((e) => e.type !== 'organization')).toEqual([[0, 4, 'iran'], [33, 37, 'iran']]);
    expect(ids((e) => e.type !== 'place')).toEqual([[0, 18, 'iran-international']]);
  });
});

describe('the surface forms the build compiles into annotation-data.js', () => {
  it('find exactly the mentions that forms compiled on the page find, on the article', () => {
    // Run the data script as the browser does, then read the set back as the content script does.
    new Function(annotationDataScript(annotationSet))();
    try {
      const shipped = bundledAnnotationSet();
      const root = findArticleRoot(loadArticlePage(), article.headline)!;
      const { text } = buildTextIndex(root);
      const date = article.published;
      const mentions = (matcher: ReturnType<typeof createMentionMatcher>) =>
        findAllMatches(matcher, text).map((m) => [m.start, m.end, m.value.entity.id, m.value.form.text]);
      const onThePage = mentions(createMentionMatcher(annotationSet.entities, date));
      expect(mentions(entityMatcher(shipped.entities, shipped.formIndex, date))).toEqual(onThePage);
      expect(onThePage.length).toBeGreaterThan(50);
    } finally {
      delete (globalThis as Record<string, unknown>)[DATA_GLOBAL];
    }
  });
});
