import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENTITY_TYPES } from '../../lib/shared/annotations/types';
import { badgeText } from '../../lib/shared/messages';
import {
  DEFAULT_SETTINGS,
  loadPagesOff,
  loadSettings,
  onSettingsChanged,
  pageKey,
  sanitizeSettings,
  saveSettings,
  setPageHighlights,
} from '../../lib/shared/settings';

describe('settings', () => {
  it('default to highlights on, all mentions, every type, subtle underline', async () => {
    expect(await loadSettings()).toEqual({
      siteEnabled: true,
      mentionMode: 'all',
      entityTypes: [...ENTITY_TYPES],
      highlightStyle: 'underline',
    });
    expect(DEFAULT_SETTINGS.highlightStyle).toBe('underline');
  });

  it('persist in sync storage and survive a restart (a new read)', async () => {
    await saveSettings({ mentionMode: 'first', highlightStyle: 'background', entityTypes: ['person', 'place'] });
    const stored = await fakeBrowser.storage.sync.get('settings');
    expect(stored.settings).toMatchObject({ mentionMode: 'first' });
    expect(await loadSettings()).toEqual({
      siteEnabled: true,
      mentionMode: 'first',
      entityTypes: ['person', 'place'],
      highlightStyle: 'background',
    });
  });

  it('ignore unknown or malformed stored values', () => {
    expect(sanitizeSettings({ siteEnabled: 'yes', mentionMode: 'some', entityTypes: ['person', 'alien'], highlightStyle: 42 })).toEqual({
      siteEnabled: true,
      mentionMode: 'all',
      entityTypes: ['person'],
      highlightStyle: 'underline',
    });
    expect(sanitizeSettings(null)).toEqual({ ...DEFAULT_SETTINGS, entityTypes: [...ENTITY_TYPES] });
  });

  it('remember pages with highlights off by path, whatever the host, query or fragment', async () => {
    await setPageHighlights('https://www.iranintl.com/en/202504220389/?source=share-link#x', false);
    expect(await loadPagesOff()).toEqual(['/en/202504220389']);
    expect(pageKey('https://beta.iranintl.com/en/202504220389')).toBe('/en/202504220389');
    await setPageHighlights('https://iranintl.com/en/202504220389', true);
    expect(await loadPagesOff()).toEqual([]);
  });

  it('notify listeners of changes, and stop when unsubscribed', async () => {
    const listener = vi.fn();
    const unsubscribe = onSettingsChanged(listener);
    await saveSettings({ mentionMode: 'first' });
    await setPageHighlights('https://www.iranintl.com/en/1', false);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    await saveSettings({ mentionMode: 'all' });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('badge text', () => {
  it('is empty for none and capped at 999+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(23)).toBe('23');
    expect(badgeText(1200)).toBe('999+');
  });
});
