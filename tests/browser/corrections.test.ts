/**
 * The reader sees why words were linked and can remove a wrong link
 * ("Not this"), here or for every mention of the words, and undo it (issue #14).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, openCard, press, registered, startBackstory, waitFor } from '../support/backstory-harness';

let harness: Harness | null = null;
afterEach(() => {
  harness?.page.stop();
  harness = null;
});

/** Opens the card of the first annotation after the share button that is an entity, by keyboard. */
async function openFirstEntityCard(): Promise<HTMLElement> {
  document.querySelector<HTMLButtonElement>('.article__share')!.focus();
  for (let i = 0; i < 10; i++) {
    await press('ArrowRight', { altKey: true, shiftKey: true });
    const card = await waitFor(openCard, 1000);
    if (card.querySelector('.why')) return card;
  }
  throw new Error('no entity card reached');
}

/** Presses a button of the card with the real keyboard (the card's root is closed to locators). */
async function activate(button: HTMLButtonElement): Promise<void> {
  button.focus();
  await press('Enter');
}

const texts = () => registered('entity').map((r) => r.toString());

describe('why a link, and "Not this" (real Chromium)', () => {
  it('an entity card says why its words were linked', async () => {
    harness = await startBackstory();
    const card = await openFirstEntityCard();
    const title = card.querySelector('#bs-card-title')!.textContent!;
    expect(card.querySelector('.why')!.textContent).toContain(title);
  });

  it('"Remove this link" removes that highlight only, remembers it, and undo brings it back', async () => {
    harness = await startBackstory();
    const before = texts();
    const card = await openFirstEntityCard();
    await activate(card.querySelector<HTMLButtonElement>('.not-this__toggle')!);
    expect(card.querySelector('.not-this__toggle')!.getAttribute('aria-expanded')).toBe('true');
    const [removeOne] = Array.from(card.querySelectorAll<HTMLButtonElement>('.not-this__action'));
    await activate(removeOne);
    await waitFor(() => texts().length === before.length - 1);
    expect(openCard()).toBeNull();
    expect(harness.corrections).toHaveLength(1);
    expect(harness.corrections[0]).toMatchObject({ scope: 'mention', url: 'https://www.iranintl.com/en/202504220389', pageDate: '2025-04-22' });
    expect(harness.corrections[0].words.length).toBeGreaterThan(0);
    expect(texts().filter((t) => t === harness!.corrections[0].words).length).toBe(before.filter((t) => t === harness!.corrections[0].words).length - 1);
    await harness.undoCorrection(harness.corrections[0].id);
    expect(texts()).toEqual(before);
  });

  it('"Remove all links of …" removes every mention of those words linked to that entity on the page', async () => {
    harness = await startBackstory();
    const iranBefore = texts().filter((t) => t === 'Iran').length;
    expect(iranBefore).toBeGreaterThan(2);
    // Walk to the first "Iran" mention's card.
    document.querySelector<HTMLButtonElement>('.article__share')!.focus();
    let card: HTMLElement | null = null;
    for (let i = 0; i < 40 && !card; i++) {
      await press('ArrowRight', { altKey: true, shiftKey: true });
      const open = await waitFor(openCard, 1000);
      if (open.querySelector('#bs-card-title')!.textContent === 'Iran') card = open;
    }
    expect(card).not.toBeNull();
    await activate(card!.querySelector<HTMLButtonElement>('.not-this__toggle')!);
    const all = Array.from(card!.querySelectorAll<HTMLButtonElement>('.not-this__action'))[1];
    expect(all.textContent).toBe(`Remove all ${iranBefore} links of “Iran” on this page`);
    await activate(all);
    await waitFor(() => texts().filter((t) => t === 'Iran').length === 0);
    expect(texts().length).toBeGreaterThan(0);
    expect(harness.corrections[0].scope).toBe('words');
  });
});
