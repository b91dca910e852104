import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnnotationSet } from '../../lib/annotations/load-files';
import { type DataFile, type DataProblem, formatProblem, validateAnnotationData } from '../../lib/annotations/validate';

const ARTICLE_URL = 'https://www.example-news.org/en/1';
const TEXT = 'Foreign Minister Abbas Araghchi traveled to Beijing. Araghchi met Wang Yi. Araghchi returned.';

const source = { id: 's1', title: 'Report', publisher: 'Reuters', url: 'https://www.reuters.com/a', date: '2025-04-23' };

function validFiles(): DataFile[] {
  return structuredClone<DataFile[]>([
    {
      path: 'data/entities/abbas-araghchi.json',
      kind: 'entity',
      json: {
        id: 'abbas-araghchi',
        name: 'Abbas Araghchi',
        type: 'person',
        surfaceForms: [
          { text: 'Abbas Araghchi', kind: 'name' },
          { text: 'Araghchi', kind: 'name' },
          { text: 'Araqchi', kind: 'variant', canonical: 'Araghchi' },
        ],
        description: 'Iranian diplomat.',
        facts: [{ date: '2025-04-23', text: 'Visited Beijing.', sources: ['s1'] }],
        sources: [source],
        asOf: '2025-04-23',
      },
    },
    {
      path: 'data/entities/news-org.json',
      kind: 'entity',
      json: {
        id: 'news-org',
        name: 'News Org',
        type: 'organization',
        surfaceForms: [{ text: 'News Org', kind: 'name' }],
        description: 'A publisher.',
        facts: [{ date: '2017', text: 'Founded.', sources: ['s1'] }],
        sources: [source],
        asOf: '2025',
      },
    },
    {
      path: 'data/notes/trip.json',
      kind: 'note',
      json: {
        id: 'trip',
        title: 'The trip',
        body: ['A paragraph.'],
        period: 'background',
        sources: [source],
        entities: ['abbas-araghchi'],
        targets: [
          {
            source: ARTICLE_URL,
            selector: [
              { type: 'TextQuoteSelector', exact: 'traveled to Beijing', prefix: 'Abbas Araghchi ', suffix: '. Araghchi' },
              { type: 'TextPositionSelector', start: 32, end: 51 },
            ],
          },
        ],
        facts: [],
        asOf: '2025-04-23',
      },
    },
    {
      path: 'data/articles/a1.json',
      kind: 'article',
      json: {
        id: 'a1',
        url: ARTICLE_URL,
        urlRules: [{ hosts: ['www.example-news.org'], path: '/en/1' }],
        headline: 'Headline',
        publisher: 'news-org',
        published: '2025-04-22',
        lang: 'en',
        fingerprints: ['traveled to Beijing'],
        summary: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }],
        mentions: ['abbas-araghchi'],
        notes: ['trip'],
        sources: [source],
        asOf: '2025-04-23',
      },
    },
  ]);
}

type Json = Record<string, any>;

/** Validates a copy of the valid set after `edit` changed it. */
function problemsAfter(edit: (files: Json) => void): DataProblem[] {
  const files = validFiles();
  const byName: Json = Object.fromEntries(files.map((f) => [f.path.replace(/^.*\//, '').replace('.json', ''), f.json]));
  edit(byName);
  return validateAnnotationData({ files, articleTexts: new Map([['a1', TEXT]]) });
}

function expectProblem(problems: DataProblem[], file: string, path: string, reason: RegExp): void {
  const lines = problems.map(formatProblem);
  expect(
    problems.some((p) => p.file === file && p.path === path && reason.test(p.reason)),
    `expected ${file} ${path} ${reason}, got:\n${lines.join('\n')}`,
  ).toBe(true);
}

describe('data check', () => {
  it('accepts a valid set', () => {
    expect(problemsAfter(() => {}).map(formatProblem)).toEqual([]);
  });

  it('accepts the bundled annotation set', () => {
    const { set, problems } = loadAnnotationSet(resolve(import.meta.dirname, '../..'));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(set.entities.length).toBeGreaterThanOrEqual(30);
    expect(set.notes.length).toBeGreaterThanOrEqual(10);
  });

  it('reports schema violations with the JSON path', () => {
    const problems = problemsAfter((f) => {
      f['abbas-araghchi'].type = 'celebrity';
      delete f['trip'].title;
      f['news-org'].colour = 'red';
    });
    expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.type', /allowed values/);
    expectProblem(problems, 'data/notes/trip.json', '$', /required property 'title'/);
    expectProblem(problems, 'data/entities/news-org.json', '$', /unknown property "colour"/);
  });

  it('reports a description over 280 characters', () => {
    const problems = problemsAfter((f) => (f['news-org'].description = 'x'.repeat(281)));
    expectProblem(problems, 'data/entities/news-org.json', '$.description', /280/);
  });

  it('reports duplicate ids', () => {
    const files = validFiles();
    files.push({ ...files[1], path: 'data/entities/news-org-copy.json' });
    const problems = validateAnnotationData({ files, articleTexts: new Map([['a1', TEXT]]) });
    expectProblem(problems, 'data/entities/news-org-copy.json', '$.id', /duplicate entity id "news-org"/);
  });

  it('reports references to missing entities, notes and sources', () => {
    const problems = problemsAfter((f) => {
      f['trip'].entities.push('nobody');
      f['a1'].notes.push('no-such-note');
      f['a1'].mentions.push('ghost');
      f['abbas-araghchi'].facts[0].sources = ['s9'];
    });
    expectProblem(problems, 'data/notes/trip.json', '$.entities[1]', /unknown entity "nobody"/);
    expectProblem(problems, 'data/articles/a1.json', '$.notes[1]', /unknown note "no-such-note"/);
    expectProblem(problems, 'data/articles/a1.json', '$.mentions[1]', /unknown entity "ghost"/);
    expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.facts[0].sources[0]', /unknown source "s9"/);
  });

  it('reports URLs that are not https', () => {
    const problems = problemsAfter((f) => {
      f['news-org'].sources[0].url = 'http://www.reuters.com/a';
      f['trip'].body[0] = 'See http://example.org for more.';
    });
    expectProblem(problems, 'data/entities/news-org.json', '$.sources[0].url', /https/);
  });

  it('reports markup in text fields', () => {
    const problems = problemsAfter((f) => {
      f['trip'].body[0] = 'Hello <img src=x onerror=alert(1)> world';
      f['news-org'].description = 'Tom &amp; Jerry';
    });
    expectProblem(problems, 'data/notes/trip.json', '$.body[0]', /markup/);
    expectProblem(problems, 'data/entities/news-org.json', '$.description', /markup/);
  });

  it('reports facts without a date or a source', () => {
    const problems = problemsAfter((f) => {
      delete f['abbas-araghchi'].facts[0].date;
      f['news-org'].facts[0].sources = [];
    });
    expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.facts[0]', /required property 'date'/);
    expectProblem(problems, 'data/entities/news-org.json', '$.facts[0].sources', /fewer than 1/);
  });

  it('reports a selector that does not anchor exactly once', () => {
    const missing = problemsAfter((f) => (f['trip'].targets[0].selector[0].exact = 'flew to Shanghai'));
    expectProblem(missing, 'data/notes/trip.json', '$.targets[0].selector[0]', /does not occur/);
    const ambiguous = problemsAfter((f) => {
      f['trip'].targets[0].selector = [{ type: 'TextQuoteSelector', exact: 'Araghchi' }];
    });
    expectProblem(ambiguous, 'data/notes/trip.json', '$.targets[0].selector[0]', /occurs 3 times/);
    const wrongContext = problemsAfter((f) => (f['trip'].targets[0].selector[0].prefix = 'Zarif '));
    expectProblem(wrongContext, 'data/notes/trip.json', '$.targets[0].selector[0]', /never with this prefix\/suffix/);
    const wrongHint = problemsAfter((f) => (f['trip'].targets[0].selector[1].start = 3));
    expectProblem(wrongHint, 'data/notes/trip.json', '$.targets[0].selector[1]', /which is at 32-51/);
  });

  it('reports a mentioned entity whose forms never occur in the article', () => {
    const problems = problemsAfter((f) => f['a1'].mentions.push('news-org'));
    expectProblem(problems, 'data/articles/a1.json', '$.mentions[1]', /no surface form of "news-org" occurs/);
  });

  it('reports a variant without a canonical form, or with one the entity lacks', () => {
    const problems = problemsAfter((f) => {
      delete f['abbas-araghchi'].surfaceForms[2].canonical;
      f['abbas-araghchi'].surfaceForms.push({ text: 'Araghchy', kind: 'variant', canonical: 'Araghchee' });
    });
    expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.surfaceForms[2].canonical', /must name its canonical form/);
    expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.surfaceForms[3].canonical', /not one of this entity's surface forms/);
  });

  it('reports an as-of date earlier than one of the entry’s facts', () => {
    const problems = problemsAfter((f) => {
      f['abbas-araghchi'].asOf = '2025-04-01';
      f['news-org'].facts.push({ date: '2026-03', text: 'Later.', sources: ['s1'] });
    });
    expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.asOf', /earlier than fact \$\.facts\[0\]/);
    expectProblem(problems, 'data/entities/news-org.json', '$.asOf', /earlier than fact \$\.facts\[1\]/);
  });

  it('reports one form naming two entities on overlapping dates', () => {
    const problems = problemsAfter((f) => f['news-org'].surfaceForms.push({ text: 'Araghchi', kind: 'alias' }));
    expectProblem(problems, 'data/entities/news-org.json', '$.surfaceForms[1]', /also names abbas-araghchi on overlapping dates/);
  });

  it('reports invalid JSON with the file name', async () => {
    const { readDataFiles } = await import('../../lib/annotations/load-files');
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(resolve(tmpdir(), 'bs-data-'));
    mkdirSync(resolve(dir, 'data/notes'), { recursive: true });
    writeFileSync(resolve(dir, 'data/notes/broken.json'), '{ "id": "broken", }');
    const { problems } = readDataFiles(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/notes/broken.json', path: '$' });
    expect(problems[0].reason).toMatch(/not valid JSON/);
  });
});
