import { describe, expect, it } from 'vitest';
import { datedView } from '../../lib/shared/annotations/dated-view';
import type { Fact, Role } from '../../lib/shared/annotations/types';

const leader: Role = { title: 'Supreme Leader of Iran', from: '1989-06-04', to: '2026-02-28', endReason: 'killed in a strike', sources: ['s'] };
const president: Role = { title: 'President of Iran', from: '1981-10-13', to: '1989-08-03', sources: ['s'] };
const minister: Role = { title: 'Foreign Minister of Iran', from: '2024-08-21', asOf: '2026-11-20', sources: ['s'] };
const successor: Role = { title: 'Supreme Leader of Iran', from: '2026-03-09', asOf: '2026-10-01', sources: ['s'] };
const fact = (date: string, text = date): Fact => ({ date, text, sources: ['s'] });

describe('datedView', () => {
  it('shows a role as it was on the page date and dates the later change', () => {
    const view = datedView([leader, president], [], '2025-04-22');
    expect(view.rolesThen).toEqual([
      { role: president, held: false },
      { role: leader, held: true },
    ]);
    expect(view.changesSince).toEqual([{ kind: 'ended', role: leader, to: '2026-02-28' }]);
  });

  it('says a role held then was still held as of its last check', () => {
    expect(datedView([minister], [], '2025-04-22').changesSince).toEqual([{ kind: 'continued', role: minister, asOf: '2026-11-20' }]);
  });

  it('puts a role taken up after the page date in the later part only', () => {
    const view = datedView([successor], [], '2025-04-22');
    expect(view.rolesThen).toEqual([]);
    expect(view.changesSince).toEqual([{ kind: 'began', role: successor }]);
  });

  it('splits facts at the page date, in date order, a same-day fact counting as then', () => {
    const view = datedView([], [fact('2026-02-28'), fact('2025-04-22'), fact('2016'), fact('2025-06')], '2025-04-22');
    expect(view.factsThen.map((f) => f.date)).toEqual(['2016', '2025-04-22']);
    expect(view.factsSince.map((f) => f.date)).toEqual(['2025-06', '2026-02-28']);
  });

  it('on a page read after a role ended, shows it ended and nothing since', () => {
    const view = datedView([leader], [fact('2026-02-28')], '2026-06-01');
    expect(view.rolesThen).toEqual([{ role: leader, held: false }]);
    expect(view.changesSince).toEqual([]);
    expect(view.factsSince).toEqual([]);
  });

  it('without a page date, splits nothing', () => {
    const view = datedView([leader, minister], [fact('2026-02-28')], null);
    expect(view.changesSince).toEqual([]);
    expect(view.factsThen).toHaveLength(1);
    expect(view.rolesThen.map((r) => r.held)).toEqual([false, true]);
  });
});
