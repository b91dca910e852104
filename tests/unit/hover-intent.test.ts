import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_GRACE_MS, HoverIntent, OPEN_DELAY_MS } from '../../lib/content/hover-intent';

describe('hover intent', () => {
  let events: string[];
  let hover: HoverIntent<string>;
  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    hover = new HoverIntent<string>({ open: (t) => events.push(`open ${t}`), close: () => events.push('close') });
  });
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests on a highlight', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS - 10);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(10);
    expect(events).toEqual(['open xi']);
  });

  it('counts the delay from the pointer’s arrival, not from the frame that noticed it', () => {
    let clock = 1000;
    const timed = new HoverIntent<string>({ open: (t) => events.push(`open ${t}`), close: () => {} }, OPEN_DELAY_MS, CLOSE_GRACE_MS, () => clock);
    // The pointer arrived 16 ms before the hit test ran (one frame later).
    timed.pointerOver('xi', clock - 16);
    clock += OPEN_DELAY_MS - 17;
    vi.advanceTimersByTime(OPEN_DELAY_MS - 17);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open xi']);
  });

  it('asks for the first card to be prepared while the delay runs, and not for one replacing an open card', () => {
    const prepared: string[] = [];
    const preparing = new HoverIntent<string>({ open: (t) => events.push(`open ${t}`), close: () => events.push('close'), prepare: (t) => prepared.push(t) });
    preparing.pointerOver('xi');
    expect(prepared).toEqual(['xi']);
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    preparing.pointerOver('wang');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(events).toEqual(['open xi', 'close', 'open wang']);
    expect(prepared).toEqual(['xi']);
  });

  it('ignores a pointer that passes over', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(150);
    hover.pointerOver(null);
    vi.advanceTimersByTime(2000);
    expect(events).toEqual([]);
  });

  it('keeps the card open while the pointer crosses into it, and while it stays there', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    hover.pointerOver(null);
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 50);
    hover.enterCard();
    vi.advanceTimersByTime(10_000);
    expect(events).toEqual(['open xi']);
    hover.leaveCard();
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(events).toEqual(['open xi', 'close']);
  });

  it('keeps the card when the pointer crosses another highlight on its way into the card', () => {
    hover.pointerOver('araghchi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    hover.pointerOver('note');
    vi.advanceTimersByTime(150);
    hover.enterCard();
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open araghchi']);
    expect(hover.current).toBe('araghchi');
  });

  it('closes after the grace period once the pointer has left both', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    hover.pointerOver(null);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(events).toEqual(['open xi', 'close']);
  });

  it('returning to the highlight within the grace period keeps it open', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    hover.pointerOver(null);
    vi.advanceTimersByTime(100);
    hover.pointerOver('xi');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open xi']);
  });

  it('replaces the card when another highlight is hovered', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    hover.pointerOver('putin');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(events).toEqual(['open xi', 'close', 'open putin']);
    expect(hover.current).toBe('putin');
  });

  it('after a card is dismissed another way (Escape), the same highlight stays closed until the pointer leaves it', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    hover.dismissed();
    expect(hover.current).toBeNull();
    hover.pointerOver('xi');
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open xi']);
    hover.pointerOver(null);
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(events).toEqual(['open xi', 'open xi']);
  });

  it('does not report a close for a card that was dismissed another way, even with a close pending', () => {
    hover.pointerOver('xi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    hover.pointerOver(null);
    hover.dismissed();
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 2);
    expect(events).toEqual(['open xi']);
  });

  it('adopts cards opened another way: resting on them opens nothing, leaving them closes them', () => {
    hover.adopt('note');
    hover.pointerOver('note');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
    expect(hover.current).toBe('note');
    hover.pointerOver(null);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(events).toEqual(['close']);
  });
});
