/**
 * A page too long to be worth annotating is reported as such (the popup
 * reads `tooLong` from the page report) instead of worked through.
 */
import { describe, expect, it } from 'vitest';
import { annotatePage } from '../../lib/content/annotate-page';
import { buildPageReport } from '../../lib/content/page-report';
import { localData } from '../support/local-data';
import { DEFAULT_SETTINGS } from '../../lib/shared/settings';
import { annotationSet } from '../support/bundled-data';
import { longArticle } from '../support/long-article';

const entities = new Map(annotationSet.entities.map((e) => [e.id, e]));
const notes = new Map(annotationSet.notes.map((n) => [n.id, n]));

const page = longArticle;

describe('annotatePage limits', () => {
  it('annotates a page under the limit in full', async () => {
    const result = (await annotatePage(page(50), localData(annotationSet), DEFAULT_SETTINGS, { maxTextChars: 10_000 }))!;
    expect(result.tooLong).toBeUndefined();
    expect(result.mentions.length).toBe(250);
  });

  it('stops past the limit, places nothing, and says so in the report', async () => {
    const result = (await annotatePage(page(500), localData(annotationSet), DEFAULT_SETTINGS, { maxTextChars: 10_000 }))!;
    expect(result.mentions).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.tooLong).toMatchObject({ maxTextChars: 10_000 });
    expect(result.tooLong!.textChars).toBeGreaterThan(10_000);
    // The count comes without joining the text; the text, when asked for, has that length.
    expect(result.tooLong!.textChars).toBe(result.index.text.length);
    expect(result.index.text.startsWith('Paragraph 0: Araghchi met Wang Yi in Beijing')).toBe(true);
    const report = buildPageReport('other-article', 'https://www.iranintl.com/en/202505010001', undefined, result, entities, notes, '2026-07-01');
    expect(report.tooLong).toEqual(result.tooLong);
    expect(report.entities).toEqual([]);
    expect(report.annotationCount).toBe(0);
  });

  it('stops at a text node longer than it highlights in, places nothing, and says which limit', async () => {
    // One unbroken paragraph, well under the text limit.
    const detected = page(1);
    const words = 'Araghchi met Wang Yi in Beijing. '.repeat(200);
    const paragraph = document.createElement('p');
    paragraph.textContent = words;
    detected.root.append(paragraph);
    const long = (await annotatePage(detected, localData(annotationSet), DEFAULT_SETTINGS, { maxNodeChars: 5_000 }))!;
    expect(long.mentions).toEqual([]);
    expect(long.tooLong).toEqual({ textChars: expect.any(Number), maxTextChars: expect.any(Number), nodeChars: words.length, maxNodeChars: 5_000 });
    const report = buildPageReport('other-article', 'https://www.iranintl.com/en/202505010001', undefined, long, entities, notes, '2026-07-01');
    expect(report.tooLong).toEqual(long.tooLong);
    // The same page with a limit above its longest node: annotated in full.
    const fine = (await annotatePage(detected, localData(annotationSet), DEFAULT_SETTINGS, { maxNodeChars: 10_000 }))!;
    expect(fine.tooLong).toBeUndefined();
    expect(fine.mentions.length).toBeGreaterThan(200);
  });
});
