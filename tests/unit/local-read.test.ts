import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocal } from '../../lib/shared/local-read';
import { loadPagesOff } from '../../lib/shared/settings';
import { loadCorrections } from '../../lib/shared/corrections';

describe('readLocal: reads of storage.local asked together go out as one', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('asks the browser once for keys read in the same task, and gives each its own value', async () => {
    await fakeBrowser.storage.local.set({ a: [1], b: 'two' });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const [a, b, missing] = await Promise.all([readLocal('a'), readLocal('b'), readLocal('c')]);
    expect([a, b, missing]).toEqual([[1], 'two', undefined]);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith(['a', 'b', 'c']);
  });

  it('reads again for a later task: a value written in between is seen', async () => {
    await fakeBrowser.storage.local.set({ a: 1 });
    expect(await readLocal('a')).toBe(1);
    await fakeBrowser.storage.local.set({ a: 2 });
    expect(await readLocal('a')).toBe(2);
  });

  it('fails every read of the batch when the browser read fails', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage is gone'));
    const reads = [readLocal('a'), readLocal('b')];
    for (const read of reads) await expect(read).rejects.toThrow(/storage is gone/);
  });

  it("reads a page's two lists (pages with highlights off, link corrections) with one call when it starts", async () => {
    await fakeBrowser.storage.local.set({ pagesOff: ['/en/1'] });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const [pagesOff, corrections] = await Promise.all([loadPagesOff(), loadCorrections()]);
    expect(pagesOff).toEqual(['/en/1']);
    expect(corrections).toEqual([]);
    expect(get).toHaveBeenCalledTimes(1);
  });
});
