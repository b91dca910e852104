/**
 * Where the card's UI reaches the content script. The UI (card-layer.tsx:
 * Preact, Floating UI, the card's components) is a second content script
 * file, card-ui.js (entrypoints/card-ui.ts), listed just before content.js
 * in the same manifest entry, so both run in the same script world, one
 * after the other, when the page loads. Only content.js carries V8's eager-compile hint
 * (decision 0022): the card's code is compiled when a card first renders,
 * not in the task that injects the scripts, which on the benchmark's
 * 200,000-node page was Backstory's longest task
 * (docs/decisions/0035-card-ui-compiled-on-first-use.md).
 *
 * The slot is a property of the content scripts' own global object: pages
 * run in another world and never see it.
 */
import type { CardSurface } from './card-controller';
import type { CardLayerEvents } from './card-layer';

export type MakeCardLayer = (doc: Document, events: CardLayerEvents) => CardSurface;

const SLOT = '__backstoryMakeCardLayer';

/** Called by card-ui.js as it loads. */
export function provideCardLayer(make: MakeCardLayer): void {
  (globalThis as Record<string, unknown>)[SLOT] = make;
}

/** The card layer's maker card-ui.js provided; throws if that file did not run (a broken build). */
export function providedCardLayer(): MakeCardLayer {
  const make = (globalThis as Record<string, unknown>)[SLOT];
  if (typeof make !== 'function') throw new Error('Backstory: the card UI (card-ui.js) did not load');
  return make as MakeCardLayer;
}
