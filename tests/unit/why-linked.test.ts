import { describe, expect, it } from 'vitest';
import { whyText } from '../../components/card/WhyLinked';

describe('why a link: the card’s one line', () => {
  it('names what decided the link', () => {
    expect(whyText('Abbas Araghchi', { kind: 'name' }, 'Abbas Araghchi')).toBe('Linked because the words name Abbas Araghchi.');
    expect(whyText('the Supreme Leader', { kind: 'title', date: '2025-04-22' }, 'Ali Khamenei')).toBe(
      'Linked because “the Supreme Leader” meant Ali Khamenei on 22 April 2025, the page’s date.',
    );
    expect(whyText('Khamenei', { kind: 'refers-back', direction: 'above' }, 'Mojtaba Khamenei')).toBe('“Khamenei” refers back to Mojtaba Khamenei, named above.');
    expect(whyText('Khamenei', { kind: 'refers-back', direction: 'below' }, 'Ali Khamenei')).toBe('“Khamenei” refers to Ali Khamenei, named further down the page.');
    expect(whyText('Khamenei', { kind: 'context', words: '’s death' }, 'Ali Khamenei')).toBe('“Khamenei” is taken as Ali Khamenei from the words “’s death” next to it.');
  });
});
