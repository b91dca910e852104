/**
 * Measures hover-to-card time inside the page, so the number is the
 * reader's wait and not the test's polling or protocol round trips: from the
 * timestamp of the first pointermove after arming to the moment the card's
 * container is shown and placed: not `hidden`, and no longer kept invisible
 * while Floating UI places it (a MutationObserver on Backstory's closed
 * shadow root, reached through layer-root.ts). Both clocks are the page's
 * performance.now().
 */
import type { Page } from 'puppeteer-core';
import { onLayerRoot } from './layer-root';

interface ClockState {
  pointerAt: number | null;
  cardAt: number | null;
  stop(): void;
}

declare global {
  interface Window {
    __backstoryHoverClock?: ClockState;
  }
}

/** Starts the clock; call before moving the pointer onto the term. */
export async function armHoverClock(page: Page): Promise<void> {
  const armed = await onLayerRoot(page, (root) => {
    window.__backstoryHoverClock?.stop();
    const floating = root.querySelector<HTMLElement>('.floating');
    if (!floating) throw new Error('Backstory card layer not found');
    // No named inner functions: see page-probe.ts.
    const state = { pointerAt: null, cardAt: null } as unknown as ClockState;
    const observer = new MutationObserver(() => {
      if (state.cardAt === null && !floating.hidden && floating.style.visibility !== 'hidden') state.cardAt = performance.now();
    });
    observer.observe(floating, { attributes: true, attributeFilter: ['hidden', 'style'] });
    const listening = new AbortController();
    window.addEventListener(
      'pointermove',
      (event) => {
        state.pointerAt ??= event.timeStamp;
      },
      { capture: true, passive: true, signal: listening.signal },
    );
    state.stop = () => {
      observer.disconnect();
      listening.abort();
    };
    window.__backstoryHoverClock = state;
    return true;
  });
  if (!armed) throw new Error('Backstory card layer not found');
}

/** Milliseconds from the pointer's arrival to the card opening; stops the clock. */
export async function readHoverClock(page: Page): Promise<number> {
  const result = await page.evaluate(() => {
    const state = window.__backstoryHoverClock;
    state?.stop();
    return state ? { pointerAt: state.pointerAt, cardAt: state.cardAt } : null;
  });
  if (!result || result.pointerAt === null || result.cardAt === null) {
    throw new Error(`hover clock incomplete: ${JSON.stringify(result)}`);
  }
  return result.cardAt - result.pointerAt;
}
