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
});
