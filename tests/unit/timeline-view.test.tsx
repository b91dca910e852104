import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Popup from '../../components/Popup';
import Timeline from '../../components/Timeline';
import { DATA_GLOBAL } from '../../lib/shared/annotations/bundled-set';
import type { ContentRequest, PageReport } from '../../lib/shared/messages';
import { pageTimeline } from '../../lib/extension/timeline/page-timeline';
import { annotationSet } from '../support/bundled-data';
import { givenBackground } from '../support/fake-background';
import { articleReport } from '../support/page-report';

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function mount(node: preact.ComponentChild): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  render(node, el);
  return el;
}

/** Chooses an option as a reader would, then lets Preact render. */
async function select(el: HTMLElement, id: string, value: string) {
  const control = el.querySelector<HTMLSelectElement>(`#${id}`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const years = (el: HTMLElement, scope = '') => Array.from(el.querySelectorAll(`${scope} .tl-year__title`), text);

describe('the timeline view', () => {
  const report = articleReport();
  const timeline = pageTimeline(annotationSet, report);

  it('shows the page’s dated facts by year, the article marked, later events under "Since this article"', () => {
    const el = mount(<Timeline timeline={timeline} page="article" />);
    expect(text(el.querySelector('[data-testid="timeline-mark"]'))).toBe('This article, 22 April 2025');
    const before = Array.from(el.querySelectorAll('.timeline > .tl-year .tl-year__title'), text);
    const after = years(el, '.tl-since');
    expect(before.length).toBeGreaterThan(3);
    expect(before.every((y) => y <= '2025')).toBe(true);
    expect(after).toContain('2026');
    expect(text(el.querySelector('.tl-since__title'))).toBe('Since this article');
    // Headings per year are in order, and so are the items under each.
    expect([...before].sort()).toEqual(before);
    const dates = Array.from(el.querySelectorAll('time.tl-item__date'), (t) => t.getAttribute('datetime')!.slice(0, 10));
    expect(dates.length).toBe(timeline.items.length);
  });

  it('shows the 2016 visit once, with every entity it concerns, and its real precision', () => {
    const el = mount(<Timeline timeline={timeline} page="article" onReveal={() => {}} />);
    const visits = Array.from(el.querySelectorAll('li.tl-item')).filter((li) => text(li.querySelector('time')) === '23 January 2016');
    expect(visits).toHaveLength(1);
    const names = text(visits[0].querySelector('.tl-item__entities'));
    expect(names).toContain('Xi Jinping');
    expect(names).toContain('Ali Khamenei');
    expect(names).toContain('Tehran');
    expect(text(visits[0].querySelector('.sourcing'))).toMatch(/^\d+ sources$/);
    const yearOnly = Array.from(el.querySelectorAll('time.tl-item__date')).find((t) => t.getAttribute('datetime')!.length === 4);
    if (yearOnly) expect(text(yearOnly)).toMatch(/^\d{4}$/);
  });

  it('says "1 source" where one account backs an item', () => {
    const el = mount(<Timeline timeline={timeline} page="article" />);
    const single = timeline.items.filter((i) => i.sourcing.independent === 1).length;
    expect(single).toBeGreaterThan(0);
    expect(Array.from(el.querySelectorAll('.sourcing__count'), text).filter((s) => s === '1 source')).toHaveLength(single);
  });

  it('filters by entity and by type with real selects, and says when nothing matches', async () => {
    const el = mount(<Timeline timeline={timeline} page="article" />);
    const all = el.querySelectorAll('li.tl-item').length;
    expect(text(el.querySelector('.tl-count'))).toBe(`${all} of ${all} dated items`);
    expect(all).toBe(timeline.items.length);
    await select(el, 'tl-entity', 'teapot-refineries');
    const teapot = Array.from(el.querySelectorAll('li.tl-item'));
    expect(teapot.length).toBeGreaterThan(0);
    expect(teapot.length).toBeLessThan(all);
    expect(teapot.every((li) => text(li.querySelector('.tl-item__entities')).includes("Chinese 'teapot' refineries"))).toBe(true);
    await select(el, 'tl-entity', '');
    await select(el, 'tl-type', 'place');
    const places = el.querySelectorAll('li.tl-item').length;
    expect(places).toBeGreaterThan(0);
    expect(places).toBeLessThan(all);
    expect(text(el.querySelector('.tl-count'))).toBe(`${places} of ${all} dated items`);
    // No organisation appears in any item about the teapot refineries.
    expect(el.querySelector('#tl-type option[value="organization"]')).not.toBeNull();
    await select(el, 'tl-type', 'organization');
    await select(el, 'tl-entity', 'teapot-refineries');
    expect(el.querySelectorAll('li.tl-item')).toHaveLength(0);
    expect(text(el)).toContain('Nothing in the timeline matches these filters.');
  });

  it('offers the entities found on the page in the entity filter, most mentioned first', () => {
    const el = mount(<Timeline timeline={timeline} page="article" />);
    const options = Array.from(el.querySelectorAll('#tl-entity option'), text);
    expect(options).toEqual(['All found on this page', 'Iran', 'Ali Khamenei', 'Xi Jinping', "Chinese 'teapot' refineries"]);
  });

  it('reveals an entity found on the page; names others as text', () => {
    const onReveal = vi.fn();
    const el = mount(<Timeline timeline={timeline} page="article" onReveal={onReveal} />);
    el.querySelector<HTMLButtonElement>('button[aria-label="Xi Jinping: show on the page"]')!.click();
    expect(onReveal).toHaveBeenCalledWith('xi-jinping');
    // Wang Yi is not among the entities this report found: he is named, not a button.
    expect(el.querySelector('button[aria-label^="Wang Yi"]')).toBeNull();
    expect(Array.from(el.querySelectorAll('.tl-item__entity'), text)).toContain('Wang Yi');
  });

  it('with no dated facts says so', () => {
    const empty = pageTimeline(annotationSet, articleReport({ entities: [], notes: [] }));
    const el = mount(<Timeline timeline={empty} page="article" />);
    expect(text(el.querySelector('[data-testid="timeline-empty"]'))).toBe('No dated facts for what was found on this page.');
    expect(el.querySelector('select')).toBeNull();
  });

  it('on another article, covers the entities found there and is marked at that page’s date', () => {
    const other = pageTimeline(
      annotationSet,
      articleReport({ status: 'other-article', article: undefined, notes: [], pageDate: '2025-10-01', annotationCount: 4 }),
    );
    const el = mount(<Timeline timeline={other} page="other" />);
    expect(text(el.querySelector('[data-testid="timeline-mark"]'))).toBe('This page, 1 October 2025');
    expect(text(el.querySelector('.tl-since__title'))).toBe('Since this page');
    expect(years(el, '.tl-since')[0]).toBe('2025');
    // Only the four entities' facts and the events they share: no note of the article.
    const found = new Set(other.found.map((e) => e.id));
    expect(other.items.some((i) => i.key.startsWith('note:'))).toBe(false);
    expect(other.items.every((i) => i.entities.some((id) => found.has(id)))).toBe(true);
  });

  it('on a page with no stated date, marks nothing and sets nothing apart', () => {
    const other = pageTimeline(annotationSet, articleReport({ status: 'other-article', article: undefined, notes: [] }));
    const el = mount(<Timeline timeline={other} page="other" />);
    expect(el.querySelector('[data-testid="timeline-mark"]')).toBeNull();
    expect(el.querySelector('.tl-since')).toBeNull();
  });
});

describe('the timeline rendered a screenful first', () => {
  const timeline = pageTimeline(annotationSet, articleReport());

  it('shows the first items at once, unmarked, and the whole timeline with its mark the frame after', async () => {
    const el = mount(<Timeline timeline={timeline} page="article" firstItems={5} />);
    expect(el.querySelectorAll('li.tl-item')).toHaveLength(5);
    expect(Array.from(el.querySelectorAll('li.tl-item'), (li) => li.getAttribute('data-key'))).toEqual(timeline.items.slice(0, 5).map((i) => i.key));
    // The article's mark would sit after items that are not all before it.
    expect(el.querySelector('[data-testid="timeline-mark"]')).toBeNull();
    expect(text(el.querySelector('.tl-count'))).toBe(`${timeline.items.length} of ${timeline.items.length} dated items`);
    await vi.waitFor(() => expect(el.querySelectorAll('li.tl-item')).toHaveLength(timeline.items.length));
    expect(text(el.querySelector('[data-testid="timeline-mark"]'))).toBe('This article, 22 April 2025');
  });
});

describe('the timeline in the popup', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    givenBackground();
  });

  function givenTab(answer: PageReport) {
    const sent: ContentRequest[] = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: answer.url } as never]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: ContentRequest) => {
      sent.push(message);
      return message.type === 'backstory:get-report' ? answer : true;
    }) as never);
    return sent;
  }

  async function openTimeline(answer: PageReport) {
    const sent = givenTab(answer);
    const el = mount(<Popup refreshDelayMs={0} />);
    await vi.waitFor(() => expect(el.querySelector('[role="tab"]')).not.toBeNull(), { timeout: 3000 });
    const tab = Array.from(el.querySelectorAll<HTMLButtonElement>('[role="tab"]')).find((b) => text(b) === 'Timeline')!;
    tab.click();
    await vi.waitFor(() => expect(tab.getAttribute('aria-selected')).toBe('true'));
    return { el, sent };
  }

  it('is a tab beside the summary; its entity buttons reveal on the page like the entity list', async () => {
    const { el, sent } = await openTimeline(articleReport());
    expect(Array.from(el.querySelectorAll('[role="tab"]'), text)).toEqual(['Summary', 'Timeline']);
    expect(el.querySelector('.summary')).toBeNull();
    expect(el.querySelector('[role="tabpanel"] [data-testid="timeline"]')).not.toBeNull();
    el.querySelector<HTMLButtonElement>('button[aria-label="Ali Khamenei: show on the page"]')!.click();
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'backstory:reveal', target: { kind: 'entity', id: 'ali-khamenei' } }));
  });

  it('renders the timeline ahead, hidden, once the summary is on screen, so choosing it only shows it', async () => {
    givenTab(articleReport());
    const el = mount(<Popup refreshDelayMs={0} />);
    await vi.waitFor(() => expect(el.querySelector('#view-panel-timeline [data-testid="timeline"]')).not.toBeNull(), { timeout: 3000 });
    const panel = el.querySelector<HTMLElement>('#view-panel-timeline')!;
    const list = panel.querySelector('[data-testid="timeline"]');
    // Hidden from everyone, readers of screens included, until chosen.
    expect(panel.hidden).toBe(true);
    expect(el.querySelector<HTMLElement>('#view-panel-summary')!.hidden).toBe(false);
    Array.from(el.querySelectorAll<HTMLButtonElement>('[role="tab"]')).find((b) => text(b) === 'Timeline')!.click();
    await vi.waitFor(() => expect(el.querySelector<HTMLElement>('#view-panel-timeline')!.hidden).toBe(false));
    expect(el.querySelector('#view-panel-timeline [data-testid="timeline"]')).toBe(list);
    expect(el.querySelector('#view-panel-summary')).toBeNull();
  });

  it('opens the print page and the full-tab timeline for the article’s tab', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const { el } = await openTimeline(articleReport());
    const button = (label: string) => Array.from(el.querySelectorAll<HTMLButtonElement>('button.action')).find((b) => text(b) === label)!;
    button('Print with background').click();
    button('Open the timeline in a tab').click();
    await vi.waitFor(() => expect(created).toHaveBeenCalledTimes(2));
    expect(created.mock.calls.map(([props]) => new URL(props.url!).pathname + new URL(props.url!).search)).toEqual([
      '/print.html?tab=7',
      '/timeline.html?tab=7',
    ]);
  });

  it('moves between the views with the arrow keys', async () => {
    const { el } = await openTimeline(articleReport());
    const [summary, timelineTab] = Array.from(el.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    timelineTab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await vi.waitFor(() => expect(summary.getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(summary);
    expect(el.querySelector('.summary')).not.toBeNull();
  });

  it('on another article offers no print page (nothing to print with notes)', async () => {
    const { el } = await openTimeline(articleReport({ status: 'other-article', article: undefined, notes: [], pageDate: '2025-10-01' }));
    expect(Array.from(el.querySelectorAll('button.action'), text)).toEqual(['Open the timeline in a tab']);
    expect(text(el.querySelector('[data-testid="timeline-mark"]'))).toBe('This page, 1 October 2025');
  });

  it('says so when the background could not give the timeline (its data did not load)', async () => {
    givenBackground({ set: null });
    const { el } = await openTimeline(articleReport());
    await vi.waitFor(() => expect(text(el.querySelector('[role="tabpanel"]'))).toContain("The timeline's data did not load."));
  });

  it('asks the background for the timeline of what the page reported, and loads no data of its own', async () => {
    expect((globalThis as Record<string, unknown>)[DATA_GLOBAL]).toBeUndefined();
    const received = givenBackground();
    const report = articleReport();
    const { el } = await openTimeline(report);
    await vi.waitFor(() => expect(el.querySelector('#view-panel-timeline [data-testid="timeline"]')).not.toBeNull());
    // The tab has told this background nothing: the early question gets an error, and the timeline is asked with the report's ids.
    expect(received).toEqual([
      { type: 'backstory:for-tab', tabId: 7, want: 'timeline' },
      { type: 'backstory:timeline', entityIds: report.entities.map((e) => e.id), noteIds: report.notes.map((n) => n.id) },
    ]);
    await vi.waitFor(() => expect(el.querySelectorAll('#view-panel-timeline li.tl-item').length).toBe(pageTimeline(annotationSet, report).items.length));
  });

  it('takes the timeline asked at once for the tab when it is of the report’s ids: one question, no round trip behind the report', async () => {
    const report = articleReport();
    const ids = { entityIds: report.entities.map((e) => e.id).reverse(), noteIds: report.notes.map((n) => n.id) };
    const received = givenBackground({ found: { 7: ids } });
    const { el } = await openTimeline(report);
    await vi.waitFor(() => expect(el.querySelector('#view-panel-timeline [data-testid="timeline"]')).not.toBeNull());
    expect(received).toEqual([{ type: 'backstory:for-tab', tabId: 7, want: 'timeline' }]);
    await vi.waitFor(() => expect(el.querySelectorAll('#view-panel-timeline li.tl-item').length).toBe(pageTimeline(annotationSet, report).items.length));
  });

  it('asks again with the report’s ids when the tab told the background something else (the page changed since)', async () => {
    const report = articleReport();
    // What the page said before the reader hid one entity ("Not this"): the report no longer names it.
    const before = { entityIds: report.entities.map((e) => e.id), noteIds: report.notes.map((n) => n.id) };
    const now = articleReport({ entities: report.entities.slice(1) });
    const received = givenBackground({ found: { 7: before } });
    const { el } = await openTimeline(now);
    await vi.waitFor(() => expect(el.querySelector('#view-panel-timeline [data-testid="timeline"]')).not.toBeNull());
    expect(received).toEqual([
      { type: 'backstory:for-tab', tabId: 7, want: 'timeline' },
      { type: 'backstory:timeline', entityIds: now.entities.map((e) => e.id), noteIds: now.notes.map((n) => n.id) },
    ]);
    // The popup renders the first items, then the rest the frame after (PopupTimeline's POPUP_FIRST_ITEMS).
    await vi.waitFor(() => expect(el.querySelectorAll('#view-panel-timeline li.tl-item').length).toBe(pageTimeline(annotationSet, now).items.length));
  });

  it('says the timeline is on its way while the background has not answered', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => {})) as never);
    const { el } = await openTimeline(articleReport());
    expect(text(el.querySelector('#view-panel-timeline'))).toContain('Putting the timeline together');
  });

  it('opens on the view the reader chose last', async () => {
    const onTimelineShown = vi.fn();
    const first = await openTimeline(articleReport());
    render(null, first.el);
    const el = mount(<Popup refreshDelayMs={0} onTimelineShown={onTimelineShown} />);
    await vi.waitFor(() => expect(el.querySelector('#view-panel-timeline:not([hidden]) [data-testid="timeline"]')).not.toBeNull(), { timeout: 3000 });
    expect(el.querySelector('#view-tab-timeline')!.getAttribute('aria-selected')).toBe('true');
    expect(el.querySelector('.summary')).toBeNull();
    await vi.waitFor(() => expect(onTimelineShown).toHaveBeenCalledTimes(1));
    el.querySelector<HTMLButtonElement>('#view-tab-summary')!.click();
    render(null, el);
    const again = mount(<Popup refreshDelayMs={0} />);
    await vi.waitFor(() => expect(again.querySelector('.summary')).not.toBeNull(), { timeout: 3000 });
  });
});
