import { describe, expect, it } from 'vitest';
import type { Entity, SurfaceForm } from '../../lib/shared/annotations/types';
import { linkMentions } from '../../lib/shared/mentions/find-mentions';

const person = (id: string, forms: SurfaceForm[], roles: Entity['roles'] = []): Entity => ({
  id,
  name: id,
  type: 'person',
  surfaceForms: forms,
  roles,
  description: 'd',
  facts: [],
  sources: [],
  asOf: '2026-07-01',
});
const after = ['’s death', ' was killed'];
const ali = person(
  'ali',
  [
    { text: 'Ali Khamenei', kind: 'name' },
    { text: 'Khamenei', kind: 'short', alone: true, cues: { after } },
    { text: 'the Supreme Leader', kind: 'title', validTo: '2026-02-28', ignoreCase: true },
    { text: 'appoints the supreme leader', kind: 'block', ignoreCase: true },
  ],
  [{ title: 'Supreme Leader', from: '1989-06-04', to: '2026-02-28', sources: [] }],
);
const mojtaba = person(
  'mojtaba',
  [
    { text: 'Mojtaba Khamenei', kind: 'name' },
    { text: 'Mojtaba', kind: 'short' },
    { text: 'Khamenei', kind: 'short', validFrom: '2026-03-09' },
    { text: 'the Supreme Leader', kind: 'title', validFrom: '2026-03-09', ignoreCase: true },
  ],
  [{ title: 'Supreme Leader', from: '2026-03-09', asOf: '2026-07-01', sources: [] }],
);
const us: Entity = { ...person('us', [{ text: 'Washington', kind: 'alias' }, { text: 'The Washington Post', kind: 'block' }]), type: 'place' };
const entities = [ali, mojtaba, us];

/** The linked words and entities, in order, on a page of `date`. */
const links = (text: string, date: string) => linkMentions(text, { entities }, date).map((m) => `${text.slice(m.start, m.end)}=${m.entity.id}`);
const reasons = (text: string, date: string) => linkMentions(text, { entities }, date).map((m) => m.reason);

describe('resolving mentions on the page', () => {
  it('links a surname to the family member the page names nearest before it', () => {
    expect(links('Mojtaba Khamenei spoke. Khamenei said more.', '2026-06-01')).toEqual(['Mojtaba Khamenei=mojtaba', 'Khamenei=mojtaba']);
    expect(links('Ali Khamenei ruled until 2026. Khamenei had ruled for decades.', '2026-06-01')).toEqual(['Ali Khamenei=ali', 'Khamenei=ali']);
    expect(reasons('Mojtaba Khamenei spoke. Khamenei said more.', '2026-06-01')[1]).toEqual({ kind: 'refers-back', direction: 'above' });
  });

  it('when both are named, the nearest preceding full name decides', () => {
    expect(links('Ali Khamenei was killed. Mojtaba Khamenei succeeded him. Khamenei said.', '2026-06-01')).toEqual([
      'Ali Khamenei=ali',
      'Mojtaba Khamenei=mojtaba',
      'Khamenei=mojtaba',
    ]);
  });

  it('a headline before the full name refers forward to it', () => {
    expect(links('Khamenei vows support\n\nMojtaba Khamenei said on Monday.', '2026-06-01')).toEqual(['Khamenei=mojtaba', 'Mojtaba Khamenei=mojtaba']);
    expect(reasons('Khamenei vows support\n\nMojtaba Khamenei said on Monday.', '2026-06-01')[0]).toEqual({ kind: 'refers-back', direction: 'below' });
  });

  it('words around the surname decide before the full names do: "Khamenei’s death" is the father’s', () => {
    expect(links('Mojtaba Khamenei spoke forty days after Khamenei was killed.', '2026-06-01')).toEqual([
      'Mojtaba Khamenei=mojtaba',
      'Khamenei=ali',
    ]);
  });

  it('"the late" goes with the entity whose offices had all ended by the page’s date', () => {
    expect(links('Mojtaba Khamenei praised the late Khamenei.', '2026-06-01')).toEqual(['Mojtaba Khamenei=mojtaba', 'Khamenei=ali']);
  });

  it('does not guess: an ambiguous surname with no full name on the page stays unlinked', () => {
    expect(links('Supporters of Khamenei gathered.', '2026-06-01')).toEqual([]);
  });

  it('a surname that may stand alone links when it is the only sense on the page’s date', () => {
    expect(links('Khamenei said talks would go on.', '2025-04-22')).toEqual(['Khamenei=ali']);
  });

  it('never links a first name alone without the full name on the page, nor inside someone else’s name', () => {
    expect(links('Mojtaba was seen in Qom.', '2026-06-01')).toEqual([]);
    expect(links('Mojtaba Khamenei spoke. Lawmaker Mojtaba Yousefi disagreed.', '2026-06-01')).toEqual(['Mojtaba Khamenei=mojtaba']);
    expect(links('Mojtaba Khamenei spoke. Mojtaba, 56, is his son.', '2026-06-01')).toEqual(['Mojtaba Khamenei=mojtaba', 'Mojtaba=mojtaba']);
  });

  it('a title links the holder on the page’s date, and not the office in "appoints the supreme leader"', () => {
    expect(links('the Supreme Leader said', '2025-04-22')).toEqual(['the Supreme Leader=ali']);
    expect(links('the Supreme Leader said', '2026-06-01')).toEqual(['the Supreme Leader=mojtaba']);
    expect(links('the Supreme Leader said', '2026-03-03')).toEqual([]);
    expect(links('the body that appoints the supreme leader', '2025-04-22')).toEqual([]);
    expect(reasons('the Supreme Leader said', '2025-04-22')).toEqual([{ kind: 'title', date: '2025-04-22' }]);
  });

  it('a longer name that contains a form is not that form', () => {
    expect(links('The Washington Post reported that Washington agreed.', '2025-04-22')).toEqual(['Washington=us']);
  });
});
