/**
 * The mention window reads boxes only just after a frame, when layout is
 * clean: never in the task that registers the highlights, where a page that
 * has just changed would be laid out whole inside Backstory's task (the
 * stress benchmark's big pages), nor in a scroll event.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MentionWindow, REGISTER_ALL_UP_TO } from '../../lib/content/highlight/mention-window';

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

let root: HTMLElement | null = null;
let windowed: MentionWindow<{ range: Range }> | null = null;
afterEach(() => {
  windowed?.dispose();
  root?.remove();
  vi.restoreAllMocks();
  window.scrollTo(0, 0);
});

/** `paragraphs` paragraphs, each with one mention: the word "Araghchi". */
function mentions(paragraphs: number): { range: Range }[] {
  root = document.createElement('article');
  for (let i = 0; i < paragraphs; i++) root.append(Object.assign(document.createElement('p'), { textContent: `Araghchi spoke (${i}).` }));
  document.body.append(root);
  return Array.from(root.children, (p) => {
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 8);
    return { range };
  });
}

describe('MentionWindow (real Chromium)', () => {
  it('reads no box in the task that registers, and registers the mentions around the viewport after the next frame', async () => {
    const items = mentions(2 * REGISTER_ALL_UP_TO);
    // The page has just changed its layout: a box read now would lay it out.
    root!.style.fontSize = '17px';
    const boxes = vi.spyOn(Range.prototype, 'getBoundingClientRect');
    const registered: { range: Range }[][] = [];
    windowed = new MentionWindow(window, items, (shown) => registered.push([...shown]));
    expect(boxes).not.toHaveBeenCalled();
    expect(registered).toHaveLength(0);
    await frame();
    await frame();
    expect(registered).toHaveLength(1);
    const shown = registered[0];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(items.length);
    expect(shown[0]).toBe(items[0]);
  });

  it('follows scrolling with one update per frame, read after it', async () => {
    const items = mentions(2 * REGISTER_ALL_UP_TO);
    const registered: { range: Range }[][] = [];
    windowed = new MentionWindow(window, items, (shown) => registered.push([...shown]));
    await frame();
    await frame();
    const boxes = vi.spyOn(Range.prototype, 'getBoundingClientRect');
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll'));
    expect(boxes).not.toHaveBeenCalled();
    await frame();
    await frame();
    expect(registered).toHaveLength(2);
    const middle = items.indexOf(registered[1][0]);
    expect(middle).toBeGreaterThan(0);
    for (const { range } of registered[1]) {
      const box = range.getBoundingClientRect();
      expect(box.bottom).toBeGreaterThanOrEqual(-innerHeight);
      expect(box.top).toBeLessThanOrEqual(2 * innerHeight);
    }
  });

  it('registers inside a frame callback, so the frame rebuilds the highlight markers rather than a later script', async () => {
    const items = mentions(2 * REGISTER_ALL_UP_TO);
    let inFrame = false;
    // The window as the mention window sees it, with frame callbacks that say when they run.
    const win = new Proxy(window, {
      get(target, key) {
        if (key === 'requestAnimationFrame') {
          return (callback: FrameRequestCallback) =>
            target.requestAnimationFrame((time) => {
              inFrame = true;
              try {
                callback(time);
              } finally {
                inFrame = false;
              }
            });
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const registeredInFrame: boolean[] = [];
    windowed = new MentionWindow(win, items, () => registeredInFrame.push(inFrame));
    await frame();
    await frame();
    await frame();
    expect(registeredInFrame).toEqual([true]);
  });

  it('registers a short list at once, follows no scrolling, and has nothing to abort when disposed', () => {
    const items = mentions(3);
    const added = vi.spyOn(window, 'addEventListener');
    // The first abort() in a content script's world costs 0.4-0.7 ms, on every re-render (mention-window.ts).
    const aborted = vi.spyOn(AbortController.prototype, 'abort');
    const registered: unknown[] = [];
    windowed = new MentionWindow(window, items, (shown) => registered.push(shown));
    expect(registered).toEqual([items]);
    windowed.dispose();
    expect(added).not.toHaveBeenCalled();
    expect(aborted).not.toHaveBeenCalled();
  });

  it('stops following the page once disposed', async () => {
    const items = mentions(2 * REGISTER_ALL_UP_TO);
    const registered: unknown[] = [];
    windowed = new MentionWindow(window, items, (shown) => registered.push(shown));
    windowed.dispose();
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    await frame();
    await frame();
    expect(registered).toHaveLength(0);
  });
});
