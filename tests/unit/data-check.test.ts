import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnnotationSet } from '../../lib/node/data-check/load-files';
import { type DataFile, type DataProblem, formatProblem, validateAnnotationData } from '../../lib/node/data-check/validate';

const ARTICLE_URL = 'https://www.example-news.org/en/1';
const TEXT = 'Foreign Minister Abbas Araghchi traveled to Beijing. Araghchi met Wang Yi. Araghchi returned.';

const source = { id: 's1', title: 'Report', publisher: 'Reuters', url: 'https://www.reuters.com/a', date: '2025-04-23', kind: 'wire' };
const irna = { id: 'irna1', title: 'Statement', publisher: 'IRNA', url: 'https://en.irna.ir/news/1', date: '2025-04-23', kind: 'state-media' };

function validFiles(): DataFile[] {
  return structuredClone<DataFile[]>([
    { path: 'data/sources.json', kind: 'sources', json: { sources: [source, irna] } },
    {
      path: 'data/source-policy.json',
      kind: 'policy',
      json: { refused: [{ domain: 'newser.com', reason: 'aggregator' }], kinds: { wire: ['reuters.com'], 'state-media': ['irna.ir'] } },
    },
    { path: 'data/set.json', kind: 'set', json: { checkedTo: '2026-11-30' } },
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
        facts: [
          { date: '2025-04-23', text: 'Visited Beijing.', sources: ['s1'] },
          { date: '2025-04-23', text: 'IRNA said he met Wang Yi.', sources: ['irna1'] },
        ],
        roles: [{ title: 'Foreign Minister of Iran', from: '2024-08-21', asOf: '2025-04-23', sources: ['s1'] }],
        sources: ['s1', 'irna1'],
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
        sources: ['s1'],
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
        sources: ['s1'],
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
        sources: ['s1'],
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
    files.push({ ...files.find((f) => f.path.endsWith('/news-org.json'))!, path: 'data/entities/news-org-copy.json' });
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
    expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.facts[0].sources[0]', /unknown source "s9" \(not in data\/sources.json\)/);
  });

  it('reports URLs that are not https', () => {
    const problems = problemsAfter((f) => {
      f['sources'].sources[0].url = 'http://www.reuters.com/a';
      f['trip'].body[0] = 'See http://example.org for more.';
    });
    expectProblem(problems, 'data/sources.json', '$.sources[0].url', /https/);
    expectProblem(problems, 'data/notes/trip.json', '$.body[0]', /https/);
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
    const { readDataFiles } = await import('../../lib/node/data-check/load-files');
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

  describe('source register and policy', () => {
    it('reports a source id that is not in the register, and a register entry nobody cites', () => {
      const problems = problemsAfter((f) => {
        f['sources'].sources.push({ id: 'orphan', title: 'T', publisher: 'P', url: 'https://www.reuters.com/b', kind: 'wire' });
        f['trip'].sources.push('ghost');
      });
      expectProblem(problems, 'data/sources.json', '$.sources[2].id', /"orphan" is cited by no entity, note or article/);
      expectProblem(problems, 'data/notes/trip.json', '$.sources[1]', /unknown source "ghost"/);
    });

    it('reports two register entries for one URL', () => {
      const problems = problemsAfter((f) => {
        f['sources'].sources.push({ ...f['sources'].sources[0], id: 's2', url: 'https://www.reuters.com/a/' });
        f['news-org'].sources.push('s2');
      });
      expectProblem(problems, 'data/sources.json', '$.sources[2].url', /duplicate URL: "s2" and "s1" are one page/);
    });

    it('refuses a domain the policy refuses, naming the reason', () => {
      const problems = problemsAfter((f) => (f['sources'].sources[0].url = 'https://www.newser.com/story/1'));
      expectProblem(problems, 'data/sources.json', '$.sources[0].url', /refused domain newser.com: aggregator/);
    });

    it('reports tracking parameters and explicit ports', () => {
      const tracking = problemsAfter((f) => (f['sources'].sources[0].url = 'https://www.reuters.com/a?utm_source=feed&id=2'));
      expectProblem(tracking, 'data/sources.json', '$.sources[0].url', /tracking parameter\(s\) utm_source/);
      const port = problemsAfter((f) => (f['sources'].sources[0].url = 'https://www.reuters.com:443/a'));
      expectProblem(port, 'data/sources.json', '$.sources[0].url', /explicit port ":443"/);
    });

    it('reports a kind that disagrees with the policy for its domain', () => {
      const problems = problemsAfter((f) => (f['sources'].sources[1].kind = 'wire'));
      expectProblem(problems, 'data/sources.json', '$.sources[1].kind', /irna.ir is listed as "state-media"/);
    });

    it('lets state media back a fact only as an attributed account or beside an independent source', () => {
      const bare = problemsAfter((f) => (f['abbas-araghchi'].facts[1].text = 'He met Wang Yi.'));
      expectProblem(bare, 'data/entities/abbas-araghchi.json', '$.facts[1].sources', /rests only on state-media: add an independent source, or attribute/);
      const beside = problemsAfter((f) => {
        f['abbas-araghchi'].facts[1].text = 'He met Wang Yi.';
        f['abbas-araghchi'].facts[1].sources.push('s1');
      });
      expect(beside.map(formatProblem)).toEqual([]);
    });

    it('reports a source published before the event it is cited for', () => {
      const problems = problemsAfter((f) => f['news-org'].facts.push({ date: '2025-05-01', text: 'Later event.', sources: ['s1'] }));
      expectProblem(problems, 'data/entities/news-org.json', '$.facts[1].sources[0]', /published 2025-04-23, before the event it is cited for \(2025-05-01\)/);
    });

    it('reports a fact that cites a source its entry does not list', () => {
      const problems = problemsAfter((f) => (f['news-org'].facts[0].sources = ['irna1']));
      expectProblem(problems, 'data/entities/news-org.json', '$.facts[0].sources[0]', /missing from \$\.sources/);
    });

    it('reports a missing register', () => {
      const files = validFiles().filter((file) => file.kind !== 'sources');
      const problems = validateAnnotationData({ files, articleTexts: new Map([['a1', TEXT]]) });
      expectProblem(problems, 'data/sources.json', '$', /file is missing/);
    });
  });

  describe('dates and status', () => {
    it('reports a status stated without a date, in a description or a fact', () => {
      const problems = problemsAfter((f) => {
        f['abbas-araghchi'].description = 'Iranian diplomat, still Foreign Minister.';
        f['news-org'].facts[0].text = 'Founded; it currently broadcasts from London.';
      });
      expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.description', /"still" states a status/);
      expectProblem(problems, 'data/entities/news-org.json', '$.facts[0].text', /"currently" states a status without a date/);
      const dated = problemsAfter((f) => (f['news-org'].facts[0].text = 'Founded; it currently broadcasts from London, as of April 2025.'));
      expect(dated.map(formatProblem)).toEqual([]);
    });

    it('reports an as-of date in the text earlier than the fact it covers', () => {
      const problems = problemsAfter((f) => (f['abbas-araghchi'].facts[0].text = 'Visited Beijing; he remains minister as of May 2024.'));
      expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.facts[0].text', /"as of May 2024" is earlier than the fact it covers/);
    });

    it('refuses impossible dates and dates after the set was checked', () => {
      const problems = problemsAfter((f) => {
        f['news-org'].facts[0].date = '2099-02-31';
        f['abbas-araghchi'].facts[0].endDate = '2027-01';
      });
      expectProblem(problems, 'data/entities/news-org.json', '$.facts[0].date', /2099-02-31 is not a real calendar date/);
      expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.facts[0].endDate', /later than the set's checkedTo date 2026-11-30/);
    });

    it('requires an as-of date on a role still held, and a role that runs forward', () => {
      const problems = problemsAfter((f) => {
        delete f['abbas-araghchi'].roles[0].asOf;
        f['abbas-araghchi'].roles.push({ title: 'Deputy', from: '2017', to: '2013', sources: ['s1'] });
      });
      expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.roles[0].asOf', /must say as of when/);
      expectProblem(problems, 'data/entities/abbas-araghchi.json', '$.roles[1].to', /ends \(2013\) before it begins \(2017\)/);
    });
  });

  describe('limits that fit a card and a matcher', () => {
    it('refuses a fact or a note title too long for a card', () => {
      const problems = problemsAfter((f) => {
        f['news-org'].facts[0].text = 'x'.repeat(5_000_000);
        f['trip'].title = 'T'.repeat(300_000);
      });
      expectProblem(problems, 'data/entities/news-org.json', '$.facts[0].text', /must NOT have more than 400 characters/);
      expectProblem(problems, 'data/notes/trip.json', '$.title', /must NOT have more than 120 characters/);
    });

    it('refuses a one-letter surface form', () => {
      const problems = problemsAfter((f) => f['news-org'].surfaceForms.push({ text: 'a', kind: 'alias', ignoreCase: true }));
      expectProblem(problems, 'data/entities/news-org.json', '$.surfaceForms[1].text', /fewer than 2 characters/);
    });

    it('refuses a surface form too common or too short to link, but not an acronym in capitals', () => {
      const problems = problemsAfter((f) => {
        f['news-org'].surfaceForms.push({ text: 'The', kind: 'alias' });
        f['news-org'].surfaceForms.push({ text: 'NO', kind: 'alias', ignoreCase: true });
        f['news-org'].surfaceForms.push({ text: 'US', kind: 'alias' });
      });
      expectProblem(problems, 'data/entities/news-org.json', '$.surfaceForms[1].text', /"The" is too common a word to link/);
      expectProblem(problems, 'data/entities/news-org.json', '$.surfaceForms[2].ignoreCase', /at least 4 characters/);
      expect(problems.filter((p) => p.path === '$.surfaceForms[3].text')).toEqual([]);
    });
  });
});
