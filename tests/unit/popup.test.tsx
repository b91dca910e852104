import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Popup from '../../components/Popup';
import type { ContentRequest, PageReport } from '../../lib/messages';
import { loadPagesOff, loadSettings } from '../../lib/settings';
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
});
