import { describe, expect, it } from 'vitest';
import { providedCardLayer, provideCardLayer, type MakeCardLayer } from '../../lib/content/card-ui-slot';

describe('the card UI slot between card-ui.js and content.js', () => {
  it('says which file is missing when the card UI did not load, instead of failing somewhere in a card', () => {
    expect(() => providedCardLayer()).toThrow(/card-ui\.js/);
  });

  it('hands content.js the card layer maker card-ui.js provided', () => {
    const make: MakeCardLayer = () => {
      throw new Error('not called here');
    };
    provideCardLayer(make);
    expect(providedCardLayer()).toBe(make);
  });
});
