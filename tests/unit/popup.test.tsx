import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Popup from '../../components/Popup';
import type { ContentRequest, PageReport } from '../../lib/shared/messages';
import { loadPagesOff, loadSettings } from '../../lib/shared/settings';
import { article } from '../support/bundled-data';
import { articleReport } from '../support/page-report';

type Answer = PageReport | 'no-receiver' | 'silent';

/** The active tab and what its content script answers. */
function givenTab(url: string | undefined, answer: Answer) {
  const sent: ContentRequest[] = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url, index: 0, highlighted: true, active: true, pinned: false, incognito: false } as never]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: ContentRequest) => {
    sent.push(message);
    if (answer === 'no-receiver') throw new Error('Could not establish connection. Receiving end does not exist.');
    if (answer === 'silent') return new Promise(() => {});
    return message.type === 'backstory:get-report' ? answer : true;
  }) as never);
  return sent;
}

async function mountPopup(): Promise<HTMLElement> {
  const el = document.createElement('div');
  document.body.append(el);
  render(<Popup refreshDelayMs={0} />, el);
  await vi.waitFor(() => expect(el.querySelector('main')).not.toBeNull(), { timeout: 3000 });
  return el;
}

const text = (el: Element) => el.textContent ?? '';

describe('popup', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('on the annotated article: publisher, headline, date, summary with the caveat, entities by type, notes and orphans', async () => {
    givenTab('https://www.iranintl.com/en/202504220389', articleReport());
    const el = await mountPopup();
    expect(text(el.querySelector('.article__meta')!)).toBe('Iran International · 22 April 2025');
    expect(text(el.querySelector('h1')!)).toBe(article.headline);
    const points = Array.from(el.querySelectorAll('.summary li'));
    expect(points).toHaveLength(article.summary.length);
    expect(points.filter((p) => p.querySelector('.tag--caveat')).length).toBe(article.summary.filter((p) => p.singleSource).length);
    expect(text(el.querySelector('.article .caveat')!)).toContain(article.singleSource!.otherAccounts);
    const groups = Array.from(el.querySelectorAll('.group')).map((g) => text(g.querySelector('.group__title')!));
    expect(groups).toEqual(['People', 'Places', 'Concepts']);
    expect(el.querySelector('button[aria-label^="Ali Khamenei, 5 mentions"]')).not.toBeNull();
    expect(el.querySelectorAll('.notes li')).toHaveLength(article.notes.length - 1);
    expect(text(el.querySelector('[data-testid="orphans"]')!)).toContain("couldn't find this passage");
  });

  it('reveals an entity on the page when it is clicked', async () => {
    const sent = givenTab('https://www.iranintl.com/en/202504220389', articleReport());
    const el = await mountPopup();
    el.querySelector<HTMLButtonElement>('button[aria-label^="Xi Jinping"]')!.click();
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'backstory:reveal', target: { kind: 'entity', id: 'xi-jinping' } }));
    el.querySelector<HTMLButtonElement>('.note-button')!.click();
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ type: 'backstory:reveal', target: { kind: 'note' } }));
  });

  it('on another article: its entities and a plain statement that it has no notes', async () => {
    givenTab(
      'https://www.iranintl.com/en/202505010001',
      articleReport({ status: 'other-article', article: undefined, notes: [], annotationCount: 4 }),
    );
    const el = await mountPopup();
    expect(text(el)).toContain('This article has no background notes');
    expect(el.querySelectorAll('.chip')).toHaveLength(4);
    expect(el.querySelector('.notes')).toBeNull();
  });

  it('on a page too long to annotate: says so with its size and the limit, and lists nothing as found', async () => {
    givenTab(
      'https://www.iranintl.com/en/202504220389',
      articleReport({ entities: [], notes: [], annotationCount: 0, tooLong: { textChars: 3_400_000, maxTextChars: 3_000_000 } }),
    );
    const el = await mountPopup();
    const state = el.querySelector('[data-testid="popup-too-long"]');
    expect(state).not.toBeNull();
    expect(text(state!)).toContain('too long');
    expect(text(state!)).toContain('3,400,000');
    expect(text(state!)).toContain('3,000,000');
    expect(text(state!)).toContain('Nothing is highlighted');
    expect(text(el)).not.toContain('No people, places or other entities');
  });

  it('on a page with one text node too long to highlight in: says so with that node’s size and the limit', async () => {
    givenTab(
      'https://www.iranintl.com/en/202504220389',
      articleReport({ entities: [], notes: [], annotationCount: 0, tooLong: { textChars: 120_000, maxTextChars: 3_000_000, nodeChars: 1_728_000, maxNodeChars: 100_000 } }),
    );
    const el = await mountPopup();
    const state = text(el.querySelector('[data-testid="popup-too-long"]')!);
    expect(state).toContain('One unbroken block');
    expect(state).toContain('1,728,000');
    expect(state).toContain('100,000');
    expect(state).toContain('Nothing is highlighted');
    expect(state).not.toContain('3,000,000');
  });

  it('says nothing about length on an ordinary page', async () => {
    givenTab('https://www.iranintl.com/en/202504220389', articleReport());
    const el = await mountPopup();
    expect(el.querySelector('[data-testid="popup-too-long"]')).toBeNull();
    expect(text(el)).not.toContain('too long');
  });

  it('on a page where Backstory does not run: one clear line', async () => {
    givenTab(undefined, 'no-receiver');
    const el = await mountPopup();
    expect(text(el.querySelector('[data-testid="popup-state"]')!)).toContain("Backstory works on Iran International's English articles.");
    expect(el.querySelector('.settings')).toBeNull();
  });

  it('when the content script does not answer: says so instead of spinning', async () => {
    givenTab('https://www.iranintl.com/en/202504220389', 'silent');
    const el = document.createElement('div');
    document.body.append(el);
    render(<Popup refreshDelayMs={0} />, el);
    expect(text(el)).toContain('Looking at this page');
    await vi.waitFor(() => expect(text(el)).toContain("Backstory isn't running on this page yet."), { timeout: 4000 });
  });

  it('on the publisher when the page was open before Backstory: asks for a reload', async () => {
    givenTab('https://www.iranintl.com/en/202504220389', 'no-receiver');
    const el = await mountPopup();
    expect(text(el)).toContain('Reload the page to start it.');
  });

  it('saves settings as they change', async () => {
    givenTab('https://www.iranintl.com/en/202504220389', articleReport());
    const el = await mountPopup();
    const label = (name: string) => Array.from(el.querySelectorAll('label')).find((l) => text(l).includes(name))!.querySelector('input')!;
    label('First mention only').click();
    label('Background colour').click();
    label('Organisations').click();
    label('Policies').click();
    await vi.waitFor(async () => {
      const s = await loadSettings();
      expect(s.mentionMode).toBe('first');
      expect(s.highlightStyle).toBe('background');
      expect(s.entityTypes).toEqual(['person', 'place', 'agreement', 'event', 'concept']);
    });
    label('Highlights on this page').click();
    await vi.waitFor(async () => expect(await loadPagesOff()).toEqual(['/en/202504220389']));
    label('Backstory on Iran International').click();
    await vi.waitFor(async () => expect((await loadSettings()).siteEnabled).toBe(false));
  });

  it('shows the off states with their controls', async () => {
    givenTab('https://www.iranintl.com/en/202504220389', articleReport({ status: 'page-off', entities: [], annotationCount: 0 }));
    const el = await mountPopup();
    expect(text(el)).toContain('Highlights are off for this page.');
    const pageSwitch = el.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(pageSwitch.checked).toBe(false);
  });

  it('while the page is still reading its settings: says it is looking, never a state the page is not in', async () => {
    let asked = 0;
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://www.iranintl.com/en/202504220389', active: true } as never]);
    // The content script's first answers come before its settings are read.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () =>
      ++asked <= 3 ? articleReport({ status: 'loading', article: undefined, entities: [], notes: [], annotationCount: 0 }) : articleReport()) as never);
    const el = document.createElement('div');
    document.body.append(el);
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(text(el)));
    observer.observe(el, { subtree: true, childList: true, characterData: true });
    render(<Popup refreshDelayMs={0} loadingPollMs={5} />, el);
    await vi.waitFor(() => expect(text(el)).toContain('Found on this page'), { timeout: 3000 });
    observer.disconnect();
    expect(asked).toBeGreaterThan(3);
    const states = [...seen];
    expect(states.some((s) => s.includes('Looking at this page'))).toBe(true);
    for (const wrong of ['Backstory is off', 'Highlights are off', 'There is no article', 'Found on this page (0)']) {
      expect(states.filter((s) => s.includes(wrong)), wrong).toEqual([]);
    }
  });

  describe('with storage full (writes refused with the quota error)', () => {
    const quota = () => Promise.reject(new Error('Resource::kQuotaBytes quota exceeded'));

    async function fullStorage() {
      // What the reader had before: their settings and another page turned off.
      await fakeBrowser.storage.sync.set({ settings: { siteEnabled: true, mentionMode: 'first', entityTypes: ['person', 'place'], highlightStyle: 'underline' } });
      await fakeBrowser.storage.local.set({ pagesOff: ['/en/202401010001'] });
      const changed = vi.fn();
      fakeBrowser.storage.onChanged.addListener(changed);
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(quota as never);
      vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota as never);
      givenTab('https://www.iranintl.com/en/202504220389', articleReport());
      return changed;
    }

    const input = (el: Element, name: string) =>
      Array.from(el.querySelectorAll('label')).find((l) => text(l).includes(name))!.querySelector('input')!;

    it('a refused setting change is shown as refused, the controls show what is in effect, nothing is lost', async () => {
      const changed = await fullStorage();
      const el = await mountPopup();
      input(el, 'Background colour').click();
      await vi.waitFor(() => expect(text(el.querySelector('[role="alert"]') ?? el.ownerDocument.body)).toContain("Couldn't save that change"));
      await vi.waitFor(() => expect(input(el, 'Subtle underline').checked).toBe(true));
      expect(input(el, 'Background colour').checked).toBe(false);
      expect(input(el, 'First mention only').checked).toBe(true);
      input(el, 'Organisations').click();
      await vi.waitFor(() => expect(input(el, 'Organisations').checked).toBe(false));
      // The page only changes on a storage change: none happened, so it shows what the popup shows.
      expect(changed).not.toHaveBeenCalled();
      expect(await loadSettings()).toEqual({ siteEnabled: true, mentionMode: 'first', entityTypes: ['person', 'place'], highlightStyle: 'underline' });
      expect(await loadPagesOff()).toEqual(['/en/202401010001']);
    });

    it('a refused page switch flips back and says so', async () => {
      const changed = await fullStorage();
      const el = await mountPopup();
      const pageSwitch = input(el, 'Highlights on this page');
      expect(pageSwitch.checked).toBe(true);
      pageSwitch.click();
      await vi.waitFor(() => expect(el.querySelector('[role="alert"]')).not.toBeNull());
      await vi.waitFor(() => expect(input(el, 'Highlights on this page').checked).toBe(true));
      expect(changed).not.toHaveBeenCalled();
      expect(await loadPagesOff()).toEqual(['/en/202401010001']);
    });

    it('the message goes once a change is saved again', async () => {
      await fullStorage();
      const el = await mountPopup();
      input(el, 'Background colour').click();
      await vi.waitFor(() => expect(el.querySelector('[role="alert"]')).not.toBeNull());
      vi.mocked(fakeBrowser.storage.sync.set).mockRestore();
      input(el, 'Background colour').click();
      await vi.waitFor(() => expect(el.querySelector('[role="alert"]')).toBeNull());
      expect((await loadSettings()).highlightStyle).toBe('background');
    });
  });
});

describe('popup: dated background and the reader’s corrections', () => {
  beforeEach(async () => {
    vi.restoreAllMocks();
    await fakeBrowser.storage.local.clear();
  });

  it('keeps what the article reports apart from what came after, and says how current the background is', async () => {
    givenTab('https://www.iranintl.com/en/202504220389', articleReport());
    const el = await mountPopup();
    expect(text(el.querySelector('.article .section-title')!)).toBe('What the article reports (22 April 2025)');
    const since = el.querySelector('[data-testid="notes-since"]')!;
    expect(text(since.querySelector('h3')!)).toBe('Since this article (22 April 2025)');
    const laterTitles = Array.from(since.querySelectorAll('.note-button')).map(text);
    expect(laterTitles.length).toBeGreaterThan(0);
    // No later note is listed with the background ones.
    const background = Array.from(el.querySelectorAll('.note-button'))
      .filter((b) => !b.closest('[data-testid="notes-since"]'))
      .map(text);
    expect(background.length).toBeGreaterThan(0);
    for (const title of laterTitles) expect(background.filter((t) => t === title)).toHaveLength(0);
    expect(text(el.querySelector('.checked-to')!)).toMatch(/^Background checked to (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
  });

  it('lists the corrections made on this page with undo, and copies the report for the maintainers', async () => {
    await fakeBrowser.storage.local.set({
      corrections: [
        { id: 'a', url: 'https://www.iranintl.com/en/202504220389', pageDate: '2025-04-22', words: 'Washington', entityId: 'united-states', entityName: 'United States', before: 'x ', after: ' y', scope: 'mention', createdAt: '2026-12-01T00:00:00Z' },
        { id: 'b', url: 'https://www.iranintl.com/en/1', pageDate: null, words: 'Zarif', entityId: 'mohammad-javad-zarif', entityName: 'Mohammad Javad Zarif', before: '', after: '', scope: 'words', createdAt: '2026-12-01T00:00:00Z' },
      ],
    });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
    givenTab('https://www.iranintl.com/en/202504220389', articleReport());
    const el = await mountPopup();
    const list = el.querySelector('[data-testid="corrections"]')!;
    expect(Array.from(list.querySelectorAll('li span')).map(text)).toEqual(['“Washington” is not United States']);
    const copy = Array.from(list.querySelectorAll('button')).find((b) => text(b) === 'Copy corrections report (JSON)')!;
    copy.click();
    await vi.waitFor(() => expect(text(list.querySelector('[role="status"]')!)).toBe('Copied 2 correction(s) to the clipboard. Nothing was sent anywhere.'));
    const report = JSON.parse(writeText.mock.calls[0][0]);
    expect(report.corrections.map((c: { words: string }) => c.words)).toEqual(['Washington', 'Zarif']);
    list.querySelector<HTMLButtonElement>('button[aria-label^="Undo"]')!.click();
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('corrections')).corrections).toHaveLength(1));
  });
});
