/**
 * Draws highlights with the CSS Custom Highlight API
 * (https://drafts.csswg.org/css-highlight-api-1/): Ranges registered in
 * `CSS.highlights` and painted by `::highlight()` rules in the content
 * script's stylesheet.
 *
 * Why not wrap the words in elements, as Hypothesis and mark.js do: the page
 * must keep ownership of its DOM. Client-side frameworks hold references to
 * text nodes and fail or lose updates when an extension splits or moves them
 * (facebook/react#11538). A registered Range changes no node, cannot shift
 * layout, and is gone without trace when unregistered.
 */
import type { HighlightStyle } from '../settings';

export const HIGHLIGHT_NAMES = {
  entity: { underline: 'backstory-entity-underline', background: 'backstory-entity-background' },
  note: { underline: 'backstory-note-underline', background: 'backstory-note-background' },
  focus: 'backstory-focus',
} as const;

/** Minimal view of the registry, so tests can pass their own. */
export interface HighlightRegistryLike {
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): boolean;
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Highlighter {
  private style: HighlightStyle;
  private entity = new Highlight();
  private note = new Highlight();
  private focus = new Highlight();

  constructor(
    style: HighlightStyle,
    private readonly registry: HighlightRegistryLike = CSS.highlights,
  ) {
    this.style = style;
    // Notes paint under entity mentions; the focused annotation over both.
    this.note.priority = 1;
    this.entity.priority = 2;
    this.focus.priority = 3;
    this.register();
  }

  private register(): void {
    this.registry.set(HIGHLIGHT_NAMES.entity[this.style], this.entity);
    this.registry.set(HIGHLIGHT_NAMES.note[this.style], this.note);
    this.registry.set(HIGHLIGHT_NAMES.focus, this.focus);
  }

  private unregister(): void {
    this.registry.delete(HIGHLIGHT_NAMES.entity[this.style]);
    this.registry.delete(HIGHLIGHT_NAMES.note[this.style]);
    this.registry.delete(HIGHLIGHT_NAMES.focus);
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.unregister();
    this.style = style;
    this.register();
  }

  /** Replaces the highlighted entity mentions (null entries, ranges the page no longer has, are skipped). */
  setEntityRanges(ranges: readonly (Range | null)[]): void {
    this.entity.clear();
    for (const range of ranges) if (range) this.entity.add(range);
  }

  addNoteRanges(ranges: readonly (Range | null)[]): void {
    for (const range of ranges) if (range) this.note.add(range);
  }

  /** Marks the annotation the reader is on (keyboard or open card); null clears it. */
  setFocus(range: Range | null): void {
    this.focus.clear();
    if (range) this.focus.add(range);
  }

  clear(): void {
    this.entity.clear();
    this.note.clear();
    this.focus.clear();
  }

  /** Removes every highlight from the page. */
  dispose(): void {
    this.clear();
    this.unregister();
  }
}
