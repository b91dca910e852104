import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import AnnotationCard from '../../components/AnnotationCard';
import type { Entity, Note } from '../../lib/annotations/types';
import { entity, note } from '../support/bundled-data';

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
      <AnnotationCard view={{ kind: 'entity', entity: xi }} relatedNotes={related} articleDate="2025-04-22" onClose={noop} onOpenNote={onOpenNote} onBack={noop} />,
    );
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('bs-card-title');
    expect(el.querySelector('#bs-card-title')!.textContent).toBe('Xi Jinping');
    expect(el.querySelector('.card__kicker')!.textContent).toBe('Person');
    expect(el.querySelector('.description')!.textContent).toBe(xi.description);
    const facts = el.querySelectorAll('.fact');
    expect(facts.length).toBeGreaterThanOrEqual(2);
    expect(facts.length).toBeLessThanOrEqual(3);
    for (const fact of Array.from(facts)) expect(fact.querySelector('.fact__date')!.textContent).toMatch(/\d{4}/);
    expect(el.textContent).toContain(`As of`);
    const links = Array.from(el.querySelectorAll('a'));
    expect(links.length).toBe(xi.sources.length + (xi.wikidata ? 1 : 0));
    for (const a of links) {
      expect(a.href.startsWith('https://')).toBe(true);
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
    if (xi.wikidata) expect(links.some((a) => a.href === `https://www.wikidata.org/wiki/${xi.wikidata}`)).toBe(true);
    const button = el.querySelector<HTMLButtonElement>('.note-link')!;
    expect(button.textContent).toBe(related[0].title);
    button.click();
    expect(onOpenNote).toHaveBeenCalledWith(related[0].id);
  });

  it('labels facts dated after the article', () => {
    const khamenei = entity('ali-khamenei');
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: khamenei }} relatedNotes={[]} articleDate="2025-04-22" onClose={noop} onOpenNote={noop} onBack={noop} />);
    const later = Array.from(el.querySelectorAll('.fact')).filter((f) => f.querySelector('.badge--after'));
    expect(later.length).toBeGreaterThan(0);
    for (const f of later) expect(f.querySelector('.fact__date')!.textContent).toMatch(/2025|2026/);
  });
});

describe('note card', () => {
  it('shows the whole note: paragraphs, facts, sources, as-of date', () => {
    const n = note('teapot-refineries');
    const el = mount(<AnnotationCard view={{ kind: 'note', note: n }} relatedNotes={[]} onClose={noop} onOpenNote={noop} onBack={noop} />);
    expect(el.querySelector('.card__kicker')!.textContent).toBe('Background note');
    expect(el.querySelector('#bs-card-title')!.textContent).toBe(n.title);
    expect(Array.from(el.querySelectorAll('.note-paragraph')).map((p) => p.textContent)).toEqual(n.body);
    expect(el.querySelectorAll('.sources__list li')).toHaveLength(n.sources.length);
    expect(el.textContent).toContain('As of');
  });

  it('labels a single-source claim and says what the other accounts say', () => {
    const n = note('iran-international-and-the-scoop');
    expect(n.singleSource).toBeDefined();
    const el = mount(<AnnotationCard view={{ kind: 'note', note: n }} relatedNotes={[]} onClose={noop} onOpenNote={noop} onBack={noop} />);
    const caveat = el.querySelector('.caveat')!;
    expect(caveat.textContent).toContain('Rests on one unnamed source');
    expect(caveat.textContent).toContain(n.singleSource!.otherAccounts);
  });

  it('marks notes about what came later, and offers a way back to the entity', () => {
    const n = note('after-the-article-2026');
    const onBack = vi.fn();
    const el = mount(
      <AnnotationCard view={{ kind: 'note', note: n, from: entity('ali-khamenei') }} relatedNotes={[]} articleDate="2025-04-22" onClose={noop} onOpenNote={noop} onBack={onBack} />,
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
      sources: [
        { id: 's', title: '<i>t</i>', publisher: 'p', url: 'javascript:alert(1)' },
        { id: 'h', title: 'plain http', publisher: 'p', url: 'http://example.org/' },
      ],
      asOf: '2025-01-01',
    };
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: evil }} relatedNotes={[]} onClose={noop} onOpenNote={noop} onBack={noop} />);
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
      sources: [{ id: 's', title: 't', publisher: 'p', url: 'https://ok.example/' }],
      entities: [],
      targets: [],
      facts: [],
      asOf: '2025',
    };
    const n = mount(<AnnotationCard view={{ kind: 'note', note: evilNote }} relatedNotes={[]} onClose={noop} onOpenNote={noop} onBack={noop} />);
    expect(n.querySelector('svg, iframe')).toBeNull();
    expect(n.querySelector('.note-paragraph')!.textContent).toBe(evilNote.body[0]);
  });

  it('follows the content direction', () => {
    const fa: Entity = { ...entity('tehran'), dir: 'rtl', lang: 'fa' };
    const el = mount(<AnnotationCard view={{ kind: 'entity', entity: fa }} relatedNotes={[]} onClose={noop} onOpenNote={noop} onBack={noop} />);
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('lang')).toBe('fa');
  });
});
