import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

describe('background: toolbar badge', () => {
  let texts: { tabId?: number; text: string | null }[];
  beforeEach(() => {
    texts = [];
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation((async (d: { tabId?: number; text: string | null }) => {
      texts.push(d);
    }) as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
    background.main();
  });

  const send = (message: unknown, tabId?: number) =>
    fakeBrowser.runtime.onMessage.trigger(message, (tabId === undefined ? {} : { tab: { id: tabId } }) as never);

  it('shows the count of distinct annotations on the tab that reported it', async () => {
    await send({ type: 'backstory:badge', count: 23 }, 4);
    await send({ type: 'backstory:badge', count: 0 }, 5);
    expect(texts).toEqual([
      { tabId: 4, text: '23' },
      { tabId: 5, text: '' },
    ]);
  });

  it('ignores other messages and messages that come from no tab', async () => {
    await send({ type: 'backstory:badge', count: 3 });
    await send({ type: 'something-else', count: 3 }, 4);
    await send({ type: 'backstory:badge', count: 'many' }, 4);
    expect(texts).toEqual([]);
  });

  it('never shows a count that is negative, fractional or absurd, and answers each with an error value', async () => {
    const answers = [];
    for (const count of [-5, 1.5, Number.NaN, 1e15, Number.POSITIVE_INFINITY]) {
      // The fake runs every listener and returns their answers; there is one.
      answers.push((await send({ type: 'backstory:badge', count }, 4))[0]);
    }
    expect(texts).toEqual([]);
    expect(answers).toEqual(Array(5).fill({ error: 'invalid-message', reason: expect.stringMatching(/count/) }));
  });

  it('caps the display of a large count', async () => {
    await send({ type: 'backstory:badge', count: 214_276 }, 4);
    expect(texts).toEqual([{ tabId: 4, text: '999+' }]);
  });
});
