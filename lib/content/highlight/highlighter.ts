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
import type { HighlightStyle } from '../../shared/settings';

/**
 * The names in `CSS.highlights`, the same whatever the reader's settings:
 * the registry is readable by every script on the page, and names that
 * carried the style (as "backstory-entity-background" did) told the page
 * how the reader set Backstory up. The style is Backstory's own stylesheet's
 * business (paintRules).
 */
export const HIGHLIGHT_NAMES = {
  entity: 'backstory-entity',
  note: 'backstory-note',
  focus: 'backstory-focus',
} as const;

/**
 * Paint for each style, over highlights.css (which paints the default,
 * underline, with the same values). `!important` because the order of the
 * content script's stylesheet and a page <style> differs between browsers.
 * Colours are translucent so they read on light and dark pages alike;
 * ::highlight() may only set colours and decorations, so no layout can shift.
 */
const PAINT: Record<HighlightStyle, string> = {
  underline:
    `::highlight(${HIGHLIGHT_NAMES.entity}){text-decoration:underline dotted 2px rgb(37 99 235/.85)!important;background-color:transparent!important}` +
    `::highlight(${HIGHLIGHT_NAMES.note}){background-color:rgb(96 165 250/.14)!important}`,
  background:
    `::highlight(${HIGHLIGHT_NAMES.entity}){text-decoration:none!important;background-color:rgb(250 204 21/.35)!important}` +
    `::highlight(${HIGHLIGHT_NAMES.note}){background-color:rgb(96 165 250/.22)!important}`,
};

/** The style highlights.css paints without any stylesheet of Backstory's in the page. */
const DEFAULT_STYLE: HighlightStyle = 'underline';

/** The rules that paint Backstory's highlights in `style`. */
export function paintRules(style: HighlightStyle): string {
  return PAINT[style];
}

/** Minimal view of the registry, so tests can pass their own. */
export interface HighlightRegistryLike {
  set(name: string, highlight: Highlight): unknown;
  delete(name: string): boolean;
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Highlighter {
  private entity = new Highlight();
  private note = new Highlight();
  private focus = new Highlight();
  /**
   * Backstory's own stylesheet for a style other than the default, made only
   * when the reader chose one: highlights.css (the content script's own CSS,
   * which the browser injects) paints the default. A <style> added to the
   * page is a change to its DOM and makes the browser restyle the whole
   * document: 70 ms inside the annotation pass on the 1 MB benchmark page.
   */
  private paint: HTMLStyleElement | null = null;

  constructor(
    style: HighlightStyle,
    private readonly registry: HighlightRegistryLike = CSS.highlights,
    private readonly doc: Document = document,
  ) {
    // Notes paint under entity mentions; the focused annotation over both.
    this.note.priority = 1;
    this.entity.priority = 2;
    this.focus.priority = 3;
    this.setStyle(style);
    this.registry.set(HIGHLIGHT_NAMES.entity, this.entity);
    this.registry.set(HIGHLIGHT_NAMES.note, this.note);
    this.registry.set(HIGHLIGHT_NAMES.focus, this.focus);
  }

  /** Changes only the stylesheet: the registry, which the page can read, stays as it is. */
  setStyle(style: HighlightStyle): void {
    if (style === DEFAULT_STYLE && !this.paint) return;
    if (!this.paint) {
      this.paint = this.doc.createElement('style');
      (this.doc.head ?? this.doc.documentElement).append(this.paint);
    }
    this.paint.textContent = paintRules(style);
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
    this.registry.delete(HIGHLIGHT_NAMES.entity);
    this.registry.delete(HIGHLIGHT_NAMES.note);
    this.registry.delete(HIGHLIGHT_NAMES.focus);
    this.paint?.remove();
    this.paint = null;
  }
}
