/**
 * The Floating UI platform for Backstory's card.
 *
 * The card is `position: fixed` inside a shadow root attached to <html>, so
 * its containing block is the viewport and the viewport is the only thing
 * that can clip it. Floating UI's DOM platform (@floating-ui/dom) also walks
 * overflow ancestors, offset parents and transforms for elements nested in
 * the page, none of which applies here, and would cost about 3 KB of the
 * content script's 25 KB budget. The geometry itself (flip, shift, size,
 * offset) stays Floating UI's: this only tells it where things are.
 * https://floating-ui.com/docs/platform
 */
import type { Platform, Rect } from '@floating-ui/core';

const rect = (r: { x: number; y: number; width: number; height: number }): Rect => ({
  x: r.x,
  y: r.y,
  width: r.width,
  height: r.height,
});

export const viewportPlatform: Platform = {
  getElementRects: ({ reference, floating }) => ({
    reference: rect((reference as Element).getBoundingClientRect()),
    floating: { x: 0, y: 0, width: (floating as HTMLElement).offsetWidth, height: (floating as HTMLElement).offsetHeight },
  }),
  getClippingRect: ({ element }) => {
    const root = (element as Element).ownerDocument.documentElement;
    return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
  },
  getDimensions: (element) => ({ width: (element as HTMLElement).offsetWidth, height: (element as HTMLElement).offsetHeight }),
  getClientRects: (element) => Array.from((element as Element).getClientRects()),
  isRTL: (element) => getComputedStyle(element as Element).direction === 'rtl',
};
