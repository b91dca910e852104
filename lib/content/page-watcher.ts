/**
 * Notices when the annotations may be out of date: the article appeared
 * (client-side rendering), its nodes were replaced or edited (hydration,
 * re-render), part of it was shown or hidden without a text change (a
 * "read more" expander, a <details> opened: the `hidden`, `aria-hidden`,
 * inline `display` and `open` attributes, under the text index's rules),
 * or the reader navigated (history.pushState / popstate).
 *
 * Backstory changes no page node, so its own work never feeds this observer
 * (the loop brandon1024/find#300 warns about); the one element it adds, its
 * card host, is ignored. A burst of changes causes one refresh.
 */
import { VISIBILITY_ATTRIBUTES, visibilityChanged } from './rendered-text';

export interface WatchedState {
  /** The annotated article element, if any: changes elsewhere are ignored. */
  root(): Element | null;
  /** Nodes that belong to Backstory. */
  isOwn(node: Node): boolean;
}

/** Quiet time that ends a burst of mutations, and the longest a burst may delay a refresh. */
export const SETTLE_MS = 40;
export const MAX_WAIT_MS = 200;
/**
 * A page that never stops changing (a re-render every frame) would get a
 * pass every MAX_WAIT_MS, each cancelling the last before it ends: on a
 * 1 MB article the red-team review measured the page's animation at 16% of
 * its frame rate (M5), and this bench at 25% in Firefox with sliced passes.
 * So a refresh starts no sooner than PACE_FACTOR times the last pass's
 * duration after the previous one started: Backstory then takes at most
 * about a sixth of the main thread however busy the page keeps it (the
 * 80% frame-rate goal of issue #18). With 4, the bench's storm page kept
 * 70-75% of its frame rate in Chromium (runs of 2026-12-01); with 6, 83%,
 * the highlights catching up with the page's changes that much later. An
 * article's 30 ms pass changes nothing (180 ms, under the 200 ms a burst
 * may wait anyway).
 */
export const PACE_FACTOR = 6;
/** The longest pacing may hold a refresh back. */
export const MAX_PACE_MS = 5000;
/** Where the Navigation API is missing, the URL is polled: a page's pushState is invisible to content scripts. */
export const URL_POLL_MS = 500;

export class PageWatcher {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private lastPage = '';
  private burstStart = 0;
  private lastFired = -Infinity;
  /** A refresh this watcher started that has not ended (when onChange says when it ends). */
  private running = false;
  private listeners: AbortController | null = null;
  private readonly checkUrl = (): void => {
    // Only a new path or query is a new page; a fragment change is not.
    const page = this.url().split('#')[0];
    if (page === this.lastPage) return;
    this.lastPage = page;
    this.schedule();
  };

  constructor(
    private readonly win: Window,
    private readonly state: WatchedState,
    /** Refreshes the annotation; a returned promise says when that pass ends (pacing waits for it). */
    private readonly onChange: () => void | Promise<unknown>,
    private readonly url: () => string = () => win.location.href,
    /** How long the last pass took (ms), for pacing; 0 before the first. */
    private readonly lastPassMs: () => number = () => 0,
  ) {}

  private get navigation(): EventTarget | undefined {
    return (this.win as { navigation?: EventTarget }).navigation;
  }

  start(): void {
    if (this.observer) return;
    this.lastPage = this.url().split('#')[0];
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.win.document, {
      childList: true,
      subtree: true,
      characterData: true,
      // Only the attributes that can show or hide text, with their old values, so a page that
      // restyles every frame (class, colour) causes no pass (red-team review M4: 0 passes).
      attributes: true,
      attributeFilter: VISIBILITY_ATTRIBUTES,
      attributeOldValue: true,
    });
    const { signal } = (this.listeners = new AbortController());
    this.win.addEventListener('popstate', this.checkUrl, { signal });
    if (this.navigation) this.navigation.addEventListener('navigatesuccess', this.checkUrl, { signal });
    else this.poll = setInterval(this.checkUrl, URL_POLL_MS);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    clearInterval(this.poll);
    this.timer = undefined;
    this.listeners?.abort();
    this.listeners = null;
  }

  private onMutations(records: MutationRecord[]): void {
    this.checkUrl();
    const root = this.state.root();
    const { isOwn } = this.state;
    for (const { type, target, addedNodes, attributeName, oldValue } of records) {
      if (isOwn(target)) continue;
      if (type === 'attributes') {
        const el = target as Element;
        if (root?.contains(el) && visibilityChanged(el.tagName, attributeName!, oldValue, el.getAttribute(attributeName!))) {
          return this.schedule();
        }
        continue;
      }
      if (!root) {
        // Waiting for the article: anything added may be it.
        if (addedNodes.length > 0 && !Array.from(addedNodes).every(isOwn)) return this.schedule();
      } else if (!root.isConnected || root.contains(target)) {
        // The article changed, or was taken out of the page (a re-render replaced it).
        return this.schedule();
      }
    }
    // Changes elsewhere (a banner appended to <body>, an ad loading) leave the article as it was.
  }

  private schedule(): void {
    const now = performance.now();
    if (this.timer === undefined) this.burstStart = now;
    else if (now - this.burstStart > MAX_WAIT_MS) return; // a page that never stops changing still gets refreshed
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), Math.max(SETTLE_MS, this.paceDelay(now)));
  }

  /**
   * How long pacing holds the next refresh back from `now`: until
   * PACE_FACTOR times the last pass after that pass started. A pass still
   * running has taken at least the time since it started, and is left to
   * finish: starting another would cancel it, and under a storm whose passes
   * outlast the pacing none would ever finish (the page would then get no
   * highlights and Backstory would work all the time). Knowing that a pass
   * is running needs onChange's promise.
   *
   * Measured (bench storm-1mb, medians of 3 runs, with and without Backstory
   * in the same run, on this shared 2-core machine at load 10–14): Chromium
   * 19.9 fps against 25.1 without (79%) before hit tests and box reads moved
   * after the frame and the pace was re-checked at firing; 27.1 against 45.0
   * (60%) after, with the first pass ending 2.2–4.4 s after load. Firefox
   * 49.3 against 54.8 (90%), then 51.1 against 52.3 (98%). The 80% goal is
   * not met in Chromium; BackstoryPage does not yet hand its refresh's
   * promise here, so those runs had no "left to finish".
   */
  private paceDelay(now: number): number {
    const pass = this.running ? Math.max(this.lastPassMs(), now - this.lastFired) : this.lastPassMs();
    return this.lastFired + Math.min(MAX_PACE_MS, PACE_FACTOR * pass) - now;
  }

  private fire(): void {
    const now = performance.now();
    // The pace may have changed since the timer was set: the pass running then may have ended, and said how long it took.
    const wait = this.paceDelay(now);
    if (wait > 0) {
      this.timer = setTimeout(() => this.fire(), wait);
      return;
    }
    this.timer = undefined;
    this.lastFired = now;
    const pass = this.onChange();
    if (pass instanceof Promise) {
      this.running = true;
      const fired = now;
      void pass.finally(() => {
        if (this.lastFired === fired) this.running = false;
      });
    }
  }
}
