import { describe, expect, it } from 'vitest';
import { compareCodeUnits, compareNames } from '../../lib/shared/compare-text';

describe('ordering without the locale machinery', () => {
  it('orders ISO dates of any precision by time', () => {
    expect(['2025-06-13', '2016-01-23', '2021-03', '2025-04-22', '2018'].sort(compareCodeUnits)).toEqual([
      '2016-01-23',
      '2018',
      '2021-03',
      '2025-04-22',
      '2025-06-13',
    ]);
  });

  it('orders names alphabetically whatever their case, as a reader expects a glossary', () => {
    expect(['Xi Jinping', 'al-Qaeda', 'Abbas Araghchi', 'Sinopec', 'ali Khamenei'].sort(compareNames)).toEqual([
      'Abbas Araghchi',
      'al-Qaeda',
      'ali Khamenei',
      'Sinopec',
      'Xi Jinping',
    ]);
  });

  it('gives names that differ only in case one order, whatever order they came in', () => {
    expect(['iran', 'Iran'].sort(compareNames)).toEqual(['Iran', 'iran']);
    expect(['Iran', 'iran'].sort(compareNames)).toEqual(['Iran', 'iran']);
    expect(compareNames('Iran', 'Iran')).toBe(0);
  });
});
