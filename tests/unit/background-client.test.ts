import { describe, expect, it } from 'vitest';
import { requestTimeline } from '../../lib/extension/background-client';
import { pageTimeline, timelineData } from '../../lib/extension/timeline/page-timeline';
import type { BackgroundRequest } from '../../lib/shared/messages';
import { annotationSet } from '../support/bundled-data';
import { articleReport } from '../support/page-report';

describe('the timeline asked of the background', () => {
  const report = articleReport();

  it('is the same timeline the set itself gives, marked at the article’s date', async () => {
    const sent: BackgroundRequest[] = [];
    const timeline = await requestTimeline(report, async (message) => {
      sent.push(message);
      return JSON.parse(JSON.stringify(timelineData(annotationSet, report.entities.map((e) => e.id), report.notes.map((n) => n.id))));
    });
    const local = pageTimeline(annotationSet, report);
    expect(sent).toHaveLength(1);
    expect(timeline!.items).toEqual(local.items);
    expect(timeline!.found.map((e) => e.id)).toEqual(report.entities.map((e) => e.id));
    expect(timeline!.markDay).toBe('2025-04-22');
  });

  it('reads a failed, refused or malformed answer as no timeline, never as a guess', async () => {
    const answers: unknown[] = [
      undefined,
      { error: 'invalid-message', reason: 'the annotation set did not load' },
      { items: 'none', entities: [] },
      { items: [{ key: 'x' }], entities: [] },
      { items: [], entities: [{ id: 'x' }], sources: [] },
      // An item citing a source the answer does not carry.
      { items: [{ key: 'x', date: '2025', entities: [], sources: ['missing'], sourcing: { sources: [], independent: 0, officialOnly: false } }], entities: [], sources: [] },
    ];
    for (const answer of answers) expect(await requestTimeline(report, async () => answer)).toBeNull();
    expect(await requestTimeline(report, () => Promise.reject(new Error('Extension context invalidated.')))).toBeNull();
  });
});
