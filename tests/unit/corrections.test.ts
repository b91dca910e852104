import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addCorrection,
  contextOf,
  correctionsForPage,
  correctionsReport,
  isCorrected,
  loadCorrections,
  MAX_CORRECTIONS,
  removeCorrection,
  sanitizeCorrections,
} from '../../lib/shared/corrections';

const URL_A = 'https://www.iranintl.com/en/202606010001';
const text = 'Mojtaba Khamenei spoke. Khamenei said talks would go on. Later Khamenei left.';
const second = text.indexOf('Khamenei', 30);
const base = {
  url: `${URL_A}?utm_source=x#top`,
  pageDate: '2026-06-01',
  words: 'Khamenei',
  entityId: 'mojtaba-khamenei',
  entityName: 'Mojtaba Khamenei',
  ...contextOf(text, 24, 32),
};

describe('link corrections', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are stored locally without the query or fragment, listed per page, and undone', async () => {
    await addCorrection({ ...base, scope: 'mention' });
    const [stored] = await loadCorrections();
    expect(stored).toMatchObject({ url: URL_A, words: 'Khamenei', scope: 'mention' });
    expect(correctionsForPage([stored], `${URL_A}#comments`)).toHaveLength(1);
    expect(correctionsForPage([stored], 'https://www.iranintl.com/en/202606010002')).toHaveLength(0);
    await removeCorrection(stored.id);
    expect(await loadCorrections()).toEqual([]);
  });

  it('"this mention" rejects that mention only; "these words" every mention of them linked to that entity', () => {
    const one = { ...base, url: URL_A, id: '1', createdAt: 'x', scope: 'mention' as const };
    const mention = (at: number) => ({ entityId: 'mojtaba-khamenei', words: 'Khamenei', before: contextOf(text, at, at + 8).before });
    expect(isCorrected([one], URL_A, mention(24))).toBe(true);
    expect(isCorrected([one], URL_A, mention(second))).toBe(false);
    expect(isCorrected([one], URL_A, { ...mention(24), entityId: 'ali-khamenei' })).toBe(false);
    const all = { ...one, scope: 'words' as const };
    expect(isCorrected([all], URL_A, mention(second))).toBe(true);
    expect(isCorrected([all], 'https://www.iranintl.com/en/1', mention(second))).toBe(false);
  });

  it('survive garbage in storage and never grow past their limit', async () => {
    expect(sanitizeCorrections([null, 3, { words: 'x' }, { ...base, id: '1', createdAt: 't', scope: 'everything' }])).toEqual([]);
    expect(sanitizeCorrections('nope')).toEqual([]);
    const many = Array.from({ length: MAX_CORRECTIONS + 5 }, (_, i) => ({ ...base, url: URL_A, id: String(i), createdAt: 't', scope: 'mention' }));
    await fakeBrowser.storage.local.set({ corrections: many });
    await addCorrection({ ...base, scope: 'words' });
    const list = await loadCorrections();
    expect(list).toHaveLength(MAX_CORRECTIONS);
    expect(list.at(-1)!.scope).toBe('words');
  });

  it('copy as a JSON report: page, date, words, entity and context, nothing else', async () => {
    await addCorrection({ ...base, scope: 'mention' }, new Date('2026-12-01T10:00:00Z'));
    const report = JSON.parse(correctionsReport(await loadCorrections(), '2026-07-01', '0.1.0'));
    expect(report).toEqual({
      report: 'Backstory link corrections',
      extensionVersion: '0.1.0',
      dataCheckedTo: '2026-07-01',
      corrections: [
        {
          url: URL_A,
          pageDate: '2026-06-01',
          words: 'Khamenei',
          linkedTo: { id: 'mojtaba-khamenei', name: 'Mojtaba Khamenei' },
          context: 'Mojtaba Khamenei spoke. [Khamenei] said talks would go on. Later Khamenei ',
          scope: 'mention',
          createdAt: '2026-12-01T10:00:00.000Z',
        },
      ],
    });
  });
});
