/**
 * Closed shadow roots, as the browser tests see them. The content script
 * keeps its layer's root to itself and ships no way to reach it; the tests,
 * which run in the same page, record each closed root as it is attached.
 */
const roots = new WeakMap<Element, ShadowRoot>();
const attach = Element.prototype.attachShadow;

Element.prototype.attachShadow = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attach.call(this, init);
  if (init.mode === 'closed') roots.set(this, root);
  return root;
};

/** The closed shadow root attached to `host` since the tests started, if any. */
export function closedShadowRoot(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}
