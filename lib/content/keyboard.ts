/**
 * Keyboard access to the annotations, handled in the content script so it
 * works wherever the page has focus (and with synthetic events in tests):
 * Alt+Shift+→ / Alt+Shift+← move to the next / previous annotation and open
 * its card; Escape closes the card. WCAG 2.2 SC 2.1.1.
 */
export type KeyCommand = 'next' | 'previous' | 'close';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function keyCommand(event: KeyboardEvent): KeyCommand | null {
  if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey) return 'close';
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  // Text fields keep Alt+Shift+arrows (word selection on macOS).
  if (isEditable(event.target)) return null;
  if (event.key === 'ArrowRight') return 'next';
  if (event.key === 'ArrowLeft') return 'previous';
  return null;
}
