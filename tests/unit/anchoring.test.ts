import { describe, expect, it } from 'vitest';
import { anchor } from '../../lib/shared/anchoring/anchor';
import { matchQuote } from '../../lib/shared/anchoring/match-quote';
import { TextPositionAnchor } from '../../lib/shared/anchoring/text-position-anchor';
import { TextQuoteAnchor } from '../../lib/shared/anchoring/text-quote-anchor';
import type { Selector } from '../../lib/shared/annotations/types';
import { buildTextIndex } from '../../lib/content/text-index';

function index(html: string) {
  const root = document.createElement('article');
  root.innerHTML = html;
  document.body.append(root);
  return buildTextIndex(root);
}

const quote = (exact: string, prefix?: string, suffix?: string): Selector => ({ type: 'TextQuoteSelector', exact, prefix, suffix });

describe('matchQuote', () => {
  const text = 'the talks in Muscat. Later the talks in Rome. Then the talks in Muscat again.';

  it('uses prefix and suffix to choose among repeats', () => {
    const second = matchQuote(text, 'the talks in Muscat', { prefix: 'Then ', suffix: ' again' })!;
    expect(second.start).toBe(text.lastIndexOf('the talks in Muscat'));
    const first = matchQuote(text, 'the talks in Muscat', { suffix: '. Later' })!;
    expect(first.start).toBe(0);
  });

  it('uses the position hint to break ties', () => {
    const near = matchQuote(text, 'the talks in Muscat', { hint: 50 })!;
    expect(near.start).toBe(text.lastIndexOf('the talks in Muscat'));
  });

  it('scores a closer prefix higher', () => {
    const a = matchQuote('xx Araghchi went to Beijing', 'went to Beijing', { prefix: 'Araghchi ' })!;
    const b = matchQuote('xx Araghchi went to Beijing', 'went to Beijing', { prefix: 'Zarif ' })!;
    expect(a.score).toBeGreaterThan(b.score);
  });

  it('finds a lightly edited quote, and gives up on a rewritten one', () => {
    const edited = 'Only two big deals were struck between 2013 and 2023, with one later annulled.';
    const found = matchQuote(edited, 'Only two major deals were struck between 2013 and 2023', {
      suffix: ', with one later annulled',
    })!;
    expect(found.errors).toBeGreaterThan(0);
    expect(edited.slice(found.start, found.end)).toContain('two big deals were struck between 2013 and 2023');
    expect(matchQuote('Chinese investment in Iran rose sharply over the decade.', 'Only two major deals were struck between 2013 and 2023')).toBeNull();
  });
});

describe('anchor', () => {
  it('trusts a position hint only when the quote is still there', () => {
    const idx = index('<p>Iran and the United States held talks.</p>');
    const start = idx.text.indexOf('United States');
    const ok = anchor(idx, [quote('United States'), { type: 'TextPositionSelector', start, end: start + 13 }]);
    expect(ok).toMatchObject({ status: 'anchored', method: 'position', start });
    const moved = anchor(idx, [quote('United States'), { type: 'TextPositionSelector', start: 0, end: 13 }]);
    expect(moved).toMatchObject({ status: 'anchored', method: 'exact', start });
  });

  it('anchors across inline elements and curly quotes', () => {
    const idx = index('<p>He added that Iran’s <em>‘Look to</em> the <a href="#">East’</a> policy</p>');
    const result = anchor(idx, [quote('Iran’s ‘Look to the East’ policy')]);
    expect(result.status).toBe('anchored');
    if (result.status === 'anchored') expect(idx.toRange(result.start, result.end)!.toString()).toBe('Iran’s ‘Look to the East’ policy');
  });

  it('reports an orphan, with a reason, when the passage is gone', () => {
    const idx = index('<p>Nothing about refineries here.</p>');
    expect(anchor(idx, [quote('Chinese teapot refineries', 'targeting ', '—independent')])).toEqual({
      status: 'orphan',
      reason: 'passage not found in the page text',
    });
  });

  it('has one symmetrical API per selector kind', () => {
    const idx = index('<p>Foreign Minister <b>Abbas</b> Araghchi is traveling to Beijing</p>');
    const range = idx.toRange(17, 31)!;
    const position = TextPositionAnchor.fromRange(idx, range)!;
    expect(position.toSelector()).toEqual({ type: 'TextPositionSelector', start: 17, end: 31 });
    expect(TextPositionAnchor.fromSelector(idx, position.toSelector())!.toRange()!.toString()).toBe('Abbas Araghchi');
    const quoteAnchor = TextQuoteAnchor.fromRange(idx, range)!;
    expect(quoteAnchor.toSelector()).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Abbas Araghchi',
      prefix: 'Foreign Minister ',
      suffix: ' is traveling to Beijing',
    });
    expect(TextQuoteAnchor.fromSelector(idx, quoteAnchor.toSelector()).toRange()!.toString()).toBe('Abbas Araghchi');
  });
});
