/**
 * Keyboard access to the annotations, handled in the content script so it
 * works wherever the page has focus: Alt+Shift+→ / Alt+Shift+← move to the
 * next / previous annotation and open its card; Escape closes the card.
 * WCAG 2.2 SC 2.1.1.
 *
 * Text fields keep Alt+Shift+arrows (on macOS Option+Shift+→ selects the
 * next word), wherever they are: an <input> or contenteditable inside a
 * page's own shadow root reaches the document as its host element, so the
 * event's composed path and the focused element inside shadow roots are
 * checked, not only the event's target.
 */
export type KeyCommand = 'next' | 'previous' | 'close';

function isEditable(node: EventTarget | null | undefined): boolean {
  const el = node as HTMLElement | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  // Script-made text fields announce themselves with a role.
  const role = el.getAttribute('role');
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || role === 'textbox' || role === 'searchbox' || role === 'combobox';
}

type ShadowReader = { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } };

/**
 * An element's shadow root, closed ones included where the browser lets an
 * extension see them (Firefox: Element.openOrClosedShadowRoot in content
 * scripts; Chromium: chrome.dom.openOrClosedShadowRoot).
 */
function anyShadowRoot(el: Element): ShadowRoot | null {
  const firefox = (el as Element & { openOrClosedShadowRoot?(): ShadowRoot | null }).openOrClosedShadowRoot;
  if (typeof firefox === 'function') return firefox.call(el);
  const chromium = (globalThis as { chrome?: ShadowReader }).chrome?.dom?.openOrClosedShadowRoot;
  return typeof chromium === 'function' ? chromium(el) : el.shadowRoot;
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  for (let root = active && anyShadowRoot(active); root?.activeElement; root = anyShadowRoot(active)) active = root.activeElement;
  return active;
}

/** True while the reader is typing: in a text field or editable region, in the page or a shadow root. */
export function isTypingTarget(event: KeyboardEvent): boolean {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  const doc = (event.target as Node | null)?.ownerDocument ?? (event.target instanceof Document ? event.target : null);
  return isEditable(path[0] ?? event.target) || isEditable(event.target) || (!!doc && isEditable(deepActiveElement(doc)));
}

export function keyCommand(event: KeyboardEvent): KeyCommand | null {
  if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey) return 'close';
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (isTypingTarget(event)) return null;
  if (event.key === 'ArrowRight') return 'next';
  if (event.key === 'ArrowLeft') return 'previous';
  return null;
}
