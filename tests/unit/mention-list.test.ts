/**
 * The analysis's mentions travel packed (mention-list.ts): the page gets
 * back exactly the mentions the background found, in a message a fraction
 * of the size, which the page turns into script values in one task.
 */
import { describe, expect, it } from 'vitest';
import { type AnalysedMention, isMentionList, mentionAt, mentionCount, packMentions, unpackMentions } from '../../lib/shared/analysis/mention-list';

const names = ['abbas-araghchi', 'xi-jinping', 'oman', 'steve-witkoff'];
const mentions: AnalysedMention[] = Array.from({ length: 50_000 }, (_, i) => ({
  start: i * 40,
  end: i * 40 + 8 + (i % 3),
  entityId: names[i % names.length],
  // Made afresh per mention, as resolve-mentions does for titles and context words.
  reason: i % 7 === 0 ? { kind: 'context', words: 'the late' } : i % 5 === 0 ? { kind: 'title', date: '2025-04-22' } : { kind: 'name' },
}));

describe('packed mentions', () => {
  it('come back as the same mentions, in the same order, through a message', () => {
    const sent = JSON.parse(JSON.stringify(packMentions(mentions))) as unknown;
    expect(isMentionList(sent)).toBe(true);
    if (!isMentionList(sent)) return;
    expect(mentionCount(sent)).toBe(mentions.length);
    expect(unpackMentions(sent)).toEqual(mentions);
    expect(mentionAt(sent, 7)).toEqual(mentions[7]);
    expect(unpackMentions(packMentions([]))).toEqual([]);
  });

  it('make a message under a third of the size of an object per mention (50,000 mentions)', () => {
    const packed = JSON.stringify(packMentions(mentions)).length;
    expect(packed).toBeLessThan(JSON.stringify(mentions).length / 3);
  });

  it('are refused when not shaped as a list, and name no entity where an index does not fit', () => {
    expect(isMentionList(mentions)).toBe(false);
    expect(isMentionList(null)).toBe(false);
    expect(mentionAt({ entityIds: [], reasons: [], packed: [0, 4, 3, 0] }, 0).entityId).toBeUndefined();
  });
});
