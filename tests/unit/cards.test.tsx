import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import AnnotationCard from '../../components/card/AnnotationCard';
import type { Entity, Note, Source } from '../../lib/shared/annotations/types';
import { entity, note, sources } from '../support/bundled-data';

function mount(vnode: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(vnode, container);
  return container;
}

const noop = () => {};

describe('entity card', () => {
  it('shows name, type, description, dated key facts, as-of date, sources, Wikidata and background notes', () => {
    const xi = entity('xi-jinping');
    const related = [note('iran-china-25-year-agreement')];
    const onOpenNote = vi.fn();
    const el = mount(
      <AnnotationCard view={{ kind: 'entity', entity: xi }} relatedNotes={related} sources={sources} articleDate="2025-04-22" onClose={noop} onOpenNote={onOpenNote} onBack={noop} />,
    );
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('bs-card-title');
    expect(el.querySelector('#bs-card-title')!.textContent).toBe('Xi Jinping');
    expect(el.querySelector('.card__kicker')!.textContent).toBe('Person');
    expect(el.querySelector('.description')!.textContent).toBe(xi.description);
    const facts = el.querySelectorAll('section[aria-labelledby="bs-facts"] .fact');
    expect(facts.length).toBeGreaterThanOrEqual(2);
    expect(facts.length).toBeLessThanOrEqual(4);
    for (const fact of Array.from(facts)) expect(fact.querySelector('.fact__date')!.textContent).toMatch(/\d{4}/);
    expect(el.textContent).toContain(`As of`);
    expect(el.querySelectorAll('.sources__list a')).toHaveLength(xi.sources.length);
    const links = Array.from(el.querySelectorAll('a'));
    for (const a of links) {
      expect(a.href.startsWith('https://')).toBe(true);
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
    if (xi.wikidata) expect(links.some((a) => a.href === `https://www.wikidata.org/wiki/${xi.wikidata}`)).toBe(true);
    const button = el.querySelector<HTMLButtonElement>('.note-link')!;
    expect(button.textContent).toBe(related[0].title);
    button.click();
    expect(onOpenNote).toHaveBeenCalledWith(related[0]);
  });

  it('keeps what came after the article apart, under a dated heading: Khamenei was killed on 28 February 2026', () => {
    const khamenei = entity('ali-khamenei');
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: khamenei }} relatedNotes={[]} sources={sources} articleDate="2025-04-22" onClose={noop} onOpenNote={noop} onBack={noop} />);
    const since = el.querySelector('section.since')!;
    expect(since.querySelector('h3')!.textContent).toBe('Since this article (22 April 2025)');
    expect(since.textContent).toContain('28 February 2026');
    const then = Array.from(el.querySelectorAll('section[aria-labelledby="bs-facts"] .fact__date')).map((d) => d.textContent);
    expect(then.length).toBeGreaterThan(0);
    for (const date of then) expect(date).not.toMatch(/2026/);
  });

  it('on a page read later, the same card has nothing "since" that page', () => {
    const khamenei = entity('ali-khamenei');
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: khamenei }} relatedNotes={[]} sources={sources} articleDate="2026-11-30" onClose={noop} onOpenNote={noop} onBack={noop} />);
    expect(el.querySelector('section.since')).toBeNull();
  });

  it('shows how many independent accounts back each fact, with its sources one click away', () => {
    const register = new Map<string, Source>([
      ['ap-1', { id: 'ap-1', title: 'Story', publisher: 'Manila Bulletin', url: 'https://mb.example/1', kind: 'news', origin: 'AP' }],
      ['ap-2', { id: 'ap-2', title: 'Story', publisher: 'Daily Sabah', url: 'https://ds.example/1', kind: 'news', origin: 'AP' }],
      ['reuters', { id: 'reuters', title: 'Report', publisher: 'Reuters', url: 'https://reuters.example/1', kind: 'wire' }],
      ['irna', { id: 'irna', title: 'Statement', publisher: 'IRNA', url: 'https://irna.example/1', kind: 'state-media' }],
    ]);
    const person: Entity = {
      ...entity('abbas-araghchi'),
      roles: [],
      facts: [
        { date: '2025-04-12', text: 'Led talks.', sources: ['ap-1', 'ap-2', 'reuters'] },
        { date: '2025-04-17', text: 'IRNA said he met Putin.', sources: ['irna'] },
        { date: '2025-04-20', text: 'Another.', sources: ['reuters'] },
      ],
      sources: ['ap-1', 'ap-2', 'reuters', 'irna'],
    };
    const el = mount(
      <AnnotationCard view={{ kind: 'entity', entity: person }} relatedNotes={[]} sources={(id) => register.get(id)} articleDate="2025-04-22" onClose={noop} onOpenNote={noop} onBack={noop} />,
    );
    const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('.fact button.sourcing'));
    expect(buttons.map((b) => b.textContent)).toEqual(['2 sources', 'Official account only · 1 source', '1 source']);
    const list = el.querySelector<HTMLElement>(`#${buttons[0].getAttribute('aria-controls')}`)!;
    expect(list.hidden).toBe(true);
    expect(buttons[0].getAttribute('aria-expanded')).toBe('false');
    act(() => buttons[0].click());
    expect(list.hidden).toBe(false);
    expect(buttons[0].getAttribute('aria-expanded')).toBe('true');
    expect(Array.from(list.querySelectorAll('a')).map((a) => a.textContent)).toEqual([
      'Story (Manila Bulletin, AP) (opens in a new tab)',
      'Story (Daily Sabah, AP) (opens in a new tab)',
      'Report (Reuters) (opens in a new tab)',
    ]);
  });

  it('shows an office as it was on the article\'s date and how it changed since', () => {
    const person: Entity = {
      ...entity('abbas-araghchi'),
      roles: [{ title: 'Foreign Minister of Iran', from: '2024-08-21', asOf: '2026-11-20', sources: [] }],
    };
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: person }} relatedNotes={[]} sources={sources} articleDate="2025-04-22" onClose={noop} onOpenNote={noop} onBack={noop} />);
    expect(el.querySelector('.roles:not(.roles--since)')!.textContent).toBe('Foreign Minister of Iran (since 21 August 2024)');
    expect(el.querySelector('.roles--since')!.textContent).toBe('Still Foreign Minister of Iran as of 20 November 2026');
  });
});

describe('note card', () => {
  it('shows the whole note: paragraphs, facts, sources, as-of date', () => {
    const n = note('teapot-refineries');
    const el = mount(<AnnotationCard view={{ kind: 'note', note: n }} relatedNotes={[]} sources={sources} onClose={noop} onOpenNote={noop} onBack={noop} />);
    expect(el.querySelector('.card__kicker')!.textContent).toBe('Background note');
    expect(el.querySelector('#bs-card-title')!.textContent).toBe(n.title);
    expect(Array.from(el.querySelectorAll('.note-paragraph')).map((p) => p.textContent)).toEqual(n.body);
    expect(el.querySelectorAll('.sources__list li')).toHaveLength(n.sources.length);
    expect(el.textContent).toContain('As of');
  });

  it('labels a single-source claim and says what the other accounts say', () => {
    const n = note('iran-international-and-the-scoop');
    expect(n.singleSource).toBeDefined();
    const el = mount(<AnnotationCard view={{ kind: 'note', note: n }} relatedNotes={[]} sources={sources} onClose={noop} onOpenNote={noop} onBack={noop} />);
    const caveat = el.querySelector('.caveat')!;
    expect(caveat.textContent).toContain('Rests on one unnamed source');
    expect(caveat.textContent).toContain(n.singleSource!.otherAccounts);
  });

  it('marks notes about what came later, and offers a way back to the entity', () => {
    const n = note('after-the-article-2026');
    const onBack = vi.fn();
    const el = mount(
      <AnnotationCard view={{ kind: 'note', note: n, from: entity('ali-khamenei') }} relatedNotes={[]} sources={sources} articleDate="2025-04-22" onClose={noop} onOpenNote={noop} onBack={onBack} />,
    );
    expect(el.querySelector('.badge--after')!.textContent).toBe('What happened after the article (22 April 2025)');
    const back = el.querySelector<HTMLButtonElement>('.back-link')!;
    expect(back.textContent).toBe('← Back to Ali Khamenei');
    back.click();
    expect(onBack).toHaveBeenCalled();
  });
});

describe('rendering is text only', () => {
  it('shows markup and script from the data literally, and drops non-https links', () => {
    const evil: Entity = {
      id: 'evil',
      name: '<img src=x onerror="window.__pwned=1">',
      type: 'person',
      surfaceForms: [{ text: 'Evil', kind: 'name' }],
      description: '<b>bold</b> & <script>window.__pwned=1</script>',
      facts: [{ date: '2025-01-01', text: '<a href="javascript:alert(1)">click</a>', sources: ['s'] }],
      sources: ['s', 'h'],
      asOf: '2025-01-01',
    };
    const evilSources = new Map<string, Source>([
      ['s', { id: 's', title: '<i>t</i>', publisher: 'p', url: 'javascript:alert(1)' }],
      ['h', { id: 'h', title: 'plain http', publisher: 'p', url: 'http://example.org/' }],
      ['ok', { id: 'ok', title: 't', publisher: 'p', url: 'https://ok.example/' }],
    ]);
    const lookup = (id: string) => evilSources.get(id);
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: evil }} relatedNotes={[]} sources={lookup} onClose={noop} onOpenNote={noop} onBack={noop} />);
    expect(el.querySelector('img, script, b, i')).toBeNull();
    expect(el.querySelector('#bs-card-title')!.textContent).toBe(evil.name);
    expect(el.querySelector('.description')!.textContent).toBe(evil.description);
    expect(el.querySelector('.fact__text')!.textContent).toBe(evil.facts[0].text);
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect(el.querySelector('.sources__list')!.textContent).toContain('<i>t</i>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();

    const evilNote: Note = {
      id: 'n',
      title: '<svg onload=alert(1)>',
      body: ['<iframe src="https://evil.example"></iframe>'],
      period: 'background',
      sources: ['ok'],
      entities: [],
      targets: [],
      facts: [],
      asOf: '2025',
    };
    const n = mount(<AnnotationCard view={{ kind: 'note', note: evilNote }} relatedNotes={[]} sources={lookup} onClose={noop} onOpenNote={noop} onBack={noop} />);
    expect(n.querySelector('svg, iframe')).toBeNull();
    expect(n.querySelector('.note-paragraph')!.textContent).toBe(evilNote.body[0]);
  });

  it('follows the content direction', () => {
    const fa: Entity = { ...entity('tehran'), dir: 'rtl', lang: 'fa' };
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: fa }} relatedNotes={[]} sources={sources} onClose={noop} onOpenNote={noop} onBack={noop} />);
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('lang')).toBe('fa');
  });
});
